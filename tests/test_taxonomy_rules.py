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


def test_camel_case_names_are_not_cut_as_glued_bullets(nlp):
    found = skills(nlp, "Requirements\nKnowledge of BI suites such as Qlik or MicroStrategy\n")
    assert found.get("MicroStrategy") == "BI and dashboard tools"


def test_free_phrases_take_the_concept_of_their_most_specific_cue(nlp):
    found = skills(nlp, "Qualifications\n"
                        "- Financial fluency at a granular level of detail\n"
                        "- Comfortable with external stakeholder interactions\n"
                        "- Able to cope with unexpected setbacks\n"
                        "- Able to work effectively across functions and departments\n"
                        "- Typing skills\n")
    assert found.get("Financial fluency at a granular level of detail") == "financial acumen"
    assert found.get("external stakeholder interactions") == "stakeholder management"
    assert found.get("unexpected setbacks") == "adaptability"
    assert found.get("work effectively across functions") == "cross-functional collaboration"
    assert "Typing" in found


def test_an_industry_that_modifies_another_skill_gives_way_to_it(nlp):
    found = skills(nlp, "Requirements\nExperience with healthcare stakeholders and retail analytics; "
                        "background in the insurance industry\n")
    assert found.get("healthcare stakeholders") == "stakeholder management"
    assert found.get("analytics") == "data analysis" and "retail" not in found
    assert found.get("insurance industry") == "industry/vertical knowledge"


def test_named_skills_in_long_run_together_items_are_kept(nlp):
    found = skills(nlp, "Requirements\nAble to partner with peers and win the trust of a wide group of "
                        "people Deep proficiency in Microsoft Excel Finance experience should include five "
                        "years Skilled with Microsoft PowerPoint and more\n")
    assert found.get("Microsoft Excel") == "Microsoft Excel"
    assert found.get("Microsoft PowerPoint") == "Microsoft PowerPoint"


def test_degree_fields_and_sentence_pieces(nlp):
    found = skills(nlp, "Requirements\nBachelor's degree in Engineering and 3+ years of Project Management "
                        "experience\nAble to ensure the weekly cadence runs, with a high level of accuracy\n")
    assert found.get("Project Management") == "project management"  # experience, not the degree's field
    assert "Engineering" not in found
    assert found.get("high level of accuracy") == "attention to detail"
    assert not any(t.lower().startswith("ensure the") for t in found)


def test_prose_that_describes_the_wanted_person_is_read_for_named_skills(nlp):
    found = skills(nlp, "Our ideal candidate will deftly balance people management and "
                        "negotiation with partners. Our offices are near the harbour and we value hiring locally.\n")
    assert found.get("people management") == "leadership and mentoring"
    assert found.get("negotiation") == "negotiation"
    assert "hiring" not in found


def test_seeking_someone_and_preferred_skill_lines(nlp):
    found = skills(nlp, "We are seeking someone highly motivated with a consultative approach.\n\n"
                        "Nice to Have\nExisting Book of Business (Preferred)\n")
    assert found.get("highly motivated") == "self-motivation"
    assert found.get("consultative approach") == "consultative selling"
    assert found.get("Book of Business") == "account management"


def test_business_words_that_share_a_legal_word_are_read(nlp):
    found = skills(nlp, "Requirements\n- Experience selling corporate sponsorships and event packages\n"
                        "- Workers' Compensation claims experience\n"
                        "- Knowledge of the Employer of Record model is a plus\n"
                        "- We are unable to offer visa sponsorship for this role; must pass a background check\n")
    assert any("sponsorships" in t for t in found)
    assert any("Compensation" in t for t in found)
    assert any("Employer of Record" in t for t in found)
    assert not any("visa" in t or "background" in t for t in found)


def test_what_we_look_for_introduces_requirements(nlp):
    found = skills(nlp, "What We Look For\nYou are a team player with sound business acumen.\n")
    assert found.get("team player") == "cross-functional collaboration"
    assert found.get("business acumen") == "business acumen"


def test_perks_labels_and_stubs_are_not_skills(nlp):
    found = skills(nlp, "Requirements\n- At least two spoken languages\n- Generous parental leave and wellbeing perks\n"
                        "- Important Information\n- Knowledge of similar tools\n- Residential real estate sales\n")
    assert "spoken languages" in found  # "at least two" is trimmed whole
    assert not any("leave" in t or "perks" in t or "Important" in t or "similar" in t for t in found)
    assert any("real estate" in t for t in found)


def test_application_and_eligibility_lines_are_not_skills(nlp):
    found = skills(nlp, "Requirements\n- Applications accepted on a rolling basis until filled\n"
                        "- Benefit eligibility rules differ by state\n- Strong negotiation skills\n")
    assert list(found.values()) == ["negotiation"]


def test_a_people_skill_takes_the_concept_of_the_party_it_is_with(nlp):
    def canon(line):
        return [(s["text"], s["canonical"]) for s in nlp("Requirements\n- " + line + "\n")._.skills]

    assert ("forging trusted relationships", "stakeholder management") in canon(
        "Skilled at forging trusted relationships with C-level buyers")
    assert ("interacting", "stakeholder management") in canon("Comfortable interacting with leadership teams")
    # new customers are no stakeholder party: the general concept stays
    assert ("forging trusted relationships", "relationship building") in canon(
        "Skilled at forging trusted relationships with new customers")


def test_industry_nouns_name_the_industry_concept(nlp):
    found = skills(nlp, "Requirements\nBackground in Forestry, Aviation or Trucking\n")
    assert {found.get("Forestry"), found.get("Aviation"), found.get("Trucking")} == {"industry/vertical knowledge"}


def test_a_lone_verb_or_adjective_shares_the_object_coordinated_with_it(nlp):
    def canon(line):
        return {s["text"]: s["canonical"] for s in nlp("Requirements\n- " + line + "\n")._.skills}

    assert canon("Ability to analyze and troubleshoot problems").get("analyze") == "problem solving"
    assert canon("Strong financial or statistical analysis").get("financial") == "data analysis"
    assert canon("Experience in media or advertising industry").get("media") == "advertising and media sales"


def test_a_senior_word_later_in_the_party_does_not_make_it_senior(nlp):
    found = [(s["text"], s["canonical"]) for s in
             nlp("Requirements\n- Friendly interaction with volunteers and leadership donors\n")._.skills]
    assert not any(c == "stakeholder management" and "interaction" in t for t, c in found)


def test_a_lower_case_aside_in_brackets_is_no_skill_but_a_bracketed_name_is(nlp):
    found = skills(nlp, "Requirements\n- Three years leading field crews (paving or bridge repair)\n"
                        "- Five years supervising warehouse teams (inbound and outbound)\n"
                        "- Familiar with build servers (Bamboo, Octopus Deploy)\n")
    assert "leading field crews" in found and "supervising warehouse teams" in found
    assert not any(t in found for t in ("paving", "bridge repair", "inbound", "outbound"))
    assert "Bamboo" in found and "Octopus Deploy" in found


def test_a_skill_word_in_a_job_title_outside_requirements_is_no_skill(nlp):
    text = ("Northwind is looking for a Senior Tableau Developer to join its Payroll Team in Denver.\n"
            "Requirements\n- Experience with Tableau\n")
    found = [(s["text"], s["start"]) for s in nlp(text)._.skills]
    assert [t for t, start in found if start < text.index("Requirements")] == []
    assert ("Tableau", text.rindex("Tableau")) in found


def test_an_offered_opportunity_is_no_requirement(nlp):
    found = skills(nlp, "Requirements\n- Experience with HubSpot\n- Opportunity to sharpen your negotiation skills\n"
                        "- As a growing firm, the chance to collaborate across offices\n")
    assert "HubSpot" in found
    assert not any("negotiation" in t or "collaborat" in t for t in found)


def test_benefit_lines_among_requirements_name_no_skill(nlp):
    found = skills(nlp, "Requirements\n- Experience with HubSpot\n- Flexible time off and generous holidays\n"
                        "- Dental and vision coverage for your family\n")
    assert "HubSpot" in found
    assert not any(t.lower() in ("flexible", "dental", "vision") for t in found)


def test_a_certification_acronym_in_brackets_is_not_also_a_skill(nlp):
    doc = nlp("Preferred qualifications\n- Certified Strategic Account Manager (CSAM) designation\n"
              "- Strong negotiation skills\n")
    assert [c["name"] for c in doc._.certifications] == ["CSAM"]
    assert "CSAM" not in {s["text"] for s in doc._.skills}
    assert "negotiation" in {s["canonical"] for s in doc._.skills}


def test_words_that_introduce_examples_are_not_part_of_the_example(nlp):
    found = skills(nlp, "Requirements\n- Experience running single sign-on providers (SSO) such as Zentrix and Keyvault\n"
                        "- Knowledge of ledger formats (including Ledgerly), and settlement files\n")
    assert "Zentrix" in found and "Keyvault" in found
    assert "Ledgerly" in found
    assert not any(t.lower().startswith(("such as", "including")) for t in found)


def test_names_given_as_examples_in_a_long_requirement_sentence_are_read(nlp):
    found = skills(nlp, "Requirements\n- Version control and release management for the build pipelines "
                        "of a large team, with tools such as Tarnish, Quiver or Glassbox Deploy\n"
                        "- Five years as a Platform Team Lead in a firm with offices including Oslo\n")
    assert {"Tarnish", "Quiver", "Glassbox Deploy"} <= set(found)
    assert not any(t in found for t in ("Platform Team Lead", "Oslo"))  # a job title; not an example of a skill


def test_every_word_of_a_short_list_of_skills_is_a_skill(nlp):
    found = skills(nlp, "Requirements\n- Excellent drafting, proofreading, and filing skills\n"
                        "- Good knowledge of warehouse processes, standards and forklifts in a large depot\n")
    assert found.get("drafting") == "drafting"  # its own concept, not the next word's
    assert "filing" in found
    assert "standards" not in found and "forklifts" not in found  # no list of skills: lone words are topics


def test_a_soft_skill_inside_a_task_is_no_requirement_but_a_tool_is(nlp):
    found = skills(nlp, "Requirements\n- Collaborate with the depot managers to plan stock counts and supplier visits\n"
                        "- Act as a mentor to foster a collaborative culture in the night shift\n"
                        "- Keep delivery records up to date in Salesforce\n"
                        "- Drive for Results – beat the quarterly plan\n"
                        "- Strong communication skills\n")
    assert not any(t.lower().startswith(("collaborat", "mentor")) for t in found)
    assert found.get("Salesforce") == "Salesforce"  # a tool named in a task is still read
    assert "Drive for Results" in found  # a label heading its line, not a task
    assert "communication" in found.values()


def test_an_adverb_before_the_task_verb_still_makes_a_task(nlp):
    found = skills(nlp, "Requirements\n- Actively collaborate with the depot managers on weekly stock counts\n"
                        "- Proactively drive faster turnarounds at the loading bays\n")
    assert found == {}


def test_a_hyphenated_compound_is_not_a_sentence_word(nlp):
    found = skills(nlp, "Requirements\n- Experience with Quillon or other ledger-based platforms\n"
                        "- Solid knowledge of rule-based engines, queues and schedulers\n")
    assert "ledger-based platforms" in found and "rule-based engines" in found


def test_a_three_letter_acronym_in_a_list_is_a_name(nlp):
    found = skills(nlp, "Requirements\n- Good practical experience with QVX, ZRP and Lindell modelling\n")
    assert "QVX" in found and "ZRP" in found


def test_a_list_after_an_inline_label_is_no_sentence(nlp):
    found = skills(nlp, "Requirements\n- Areas that your background includes: fleet telematics, route costing, "
                        "Quillon and Tarn Reports\n")
    assert {"fleet telematics", "route costing", "Quillon", "Tarn Reports"} <= set(found)


def test_a_heading_like_comma_list_is_read_as_a_requirement_line(nlp):
    found = skills(nlp, "Qualifications\nSalesforce experience, Depot IT, or Route Costing, preferred\n"
                        "Strong negotiation skills\n")
    assert {"Salesforce", "Depot IT", "Route Costing"} <= set(found)


def test_it_the_acronym_is_no_pronoun_and_a_bachelors_is_a_degree(nlp):
    found = skills(nlp, "Requirements\n- Two years in Depot IT, route costing and Quillon\n- Bachelors in IT field\n")
    assert "Depot IT" in found
    assert not any("Bachelors" in t for t in found)


def test_a_phrase_about_a_named_owner_is_no_skill(nlp):
    found = skills(nlp, "Requirements\n- Ability to embody and reflect Northwind’s core values\n- Experience with Quillon\n")
    assert not any("Northwind" in t for t in found)
    assert "Quillon" in found


def test_a_word_capitalised_only_because_it_opens_the_clause_is_no_name(nlp):
    found = skills(nlp, "Requirements\n- Building, configuring and patching depot terminals\n"
                        "- Cheerful and upbeat with customers\n"
                        "- Tarnish, Quiver or Glassbox\n- Yardi experience a plus\n"
                        "- Kestrel or other property software\n")
    assert "Building" not in found and "Cheerful" not in found
    assert {"Tarnish", "Quiver", "Glassbox", "Yardi", "Kestrel"} <= set(found)  # names open lists and lines too


def test_a_heading_like_line_that_asks_for_something_by_name_is_read(nlp):
    found = skills(nlp, "Requirements\nKnowledge of fleet telematics\nSkills, Knowledge, Abilities\n"
                        "Education, Experience, and Skills:\nStrong negotiation skills\n"
                        "Training, Licenses, Certifications\nKnowledge of the following:\n")
    assert "fleet telematics" in found
    assert not any(t.lower() in ("skills", "knowledge", "abilities", "education", "experience", "training",
                                 "licenses", "following") for t in found)


def test_responsible_for_opens_a_duty(nlp):
    found = skills(nlp, "Requirements\n- Responsible for yard layouts, crane rosters and fleet telematics\n")
    assert "fleet telematics" not in found and "crane rosters" not in found


def test_features_of_a_named_tool_in_a_long_requirement_sentence_are_read(nlp):
    found = skills(nlp, "Requirements\n- Intermediate to advanced MS Access, including report building, form design, "
                        "table joins and archive rules\n"
                        "- Version control and release management for the build pipelines of a large team, "
                        "with tools, including Tarnish, Quiver or Glassbox Deploy\n")
    assert {"report building", "form design", "table joins"} <= set(found)
    assert "Tarnish" in found  # "including" after a comma still introduces the examples


def test_a_clause_that_lists_duties_names_no_ability(nlp):
    text = ("Responsibilities\nAdditional responsibilities include risk management and strong vendor "
            "relationships across regions.\nRequirements\n- Experience with Salesforce\n")
    found = skills(nlp, text)
    assert "risk management" not in found
    assert "Salesforce" in found


def test_skill_words_of_a_job_title_or_team_name_in_the_intro_are_no_skills(nlp):
    text = ("Northwind is looking for an experienced Full stack .NET Developer with strong skills to join the "
            "Payroll OPEX team, reporting to the Director of Accounting.\n"
            "Requirements\n- Experience with Tableau and .NET\n")
    found = [(s["text"], s["start"]) for s in nlp(text)._.skills]
    intro = [t for t, start in found if start < text.index("Requirements")]
    assert not any(t in intro for t in (".NET", "Full stack", "Payroll", "Accounting"))
    assert (".NET", text.rindex(".NET")) in found


def test_an_industry_modifying_a_noun_in_a_long_item_gives_the_short_phrase(nlp):
    found = skills(nlp, "A well-known regional government contractor client is seeking an interim VP of Finance "
                        "with strong skills.\nRequirements\n- Experience with Tableau\n")
    assert not any(len(t.split()) > 4 for t in found)  # no sentence passes for a phrase


def test_a_word_of_a_certification_name_is_no_skill_unless_it_is_the_tool(nlp):
    doc = nlp("Preferred qualifications\n- Certified Payroll Professional (CPP) certification is strongly preferred\n"
              "- Salesforce Certified Administrator credential\n- Strong Excel skills\n")
    found = {s["text"] for s in doc._.skills}
    assert "CPP" in {c["name"] for c in doc._.certifications}
    assert "Payroll" not in found
    assert "Salesforce" in found


def test_the_words_of_an_inline_label_are_no_skill(nlp):
    found = skills(nlp, "Requirements\n- Mandatory Skills/Qualifications: Route planning experience (4-7 years)\n"
                        "- Optional Skills/Qualifications: Dock scheduling\n")
    assert not {"Mandatory", "Optional"} & set(found)
    assert "Route planning" in found and "Dock scheduling" in found


def test_a_lone_word_between_two_skills_of_a_comma_list_is_a_skill(nlp):
    found = skills(nlp, "Requirements\n- Excellent communication, organization, and negotiation with depot crews\n"
                        "- Experience with invoices, shipments, and Salesforce\n")
    assert found.get("organization") == "time management and organization"  # as "organization skills"
    assert "invoices" not in found and "shipments" not in found  # no skill on both sides


def test_additional_is_filler_before_a_skill(nlp):
    found = skills(nlp, "Requirements\n- Freight audit certificate or additional related work experience\n"
                        "- Additional route planning experience\n")
    assert not any(t.lower().startswith("additional") for t in found)
    assert "route planning" in found


def test_a_free_phrase_headed_by_a_work_item_occasion_or_unit_is_no_skill(nlp):
    found = skills(nlp, "Requirements\n- Ability to steer depot projects, dispatch sessions, barge teams and weekly objectives\n"
                        "- Route optimization and fleet telematics\n")
    assert not {"steer depot projects", "dispatch sessions", "barge teams", "weekly objectives"} & set(found)
    assert {"Route optimization", "fleet telematics"} <= set(found)


def test_a_free_phrase_ending_in_a_job_title_names_a_role(nlp):
    found = skills(nlp, "Requirements\n- Skills: dock scheduling, Yard Manager, cargo nurse, route planning\n")
    assert not {"Yard Manager", "cargo nurse"} & set(found)
    assert {"dock scheduling", "route planning"} <= set(found)


def test_a_phrase_without_a_cue_takes_the_head_it_shares_not_its_partners_concept(nlp):
    # "Botany" has no cue of its own; "Advertising" is its partner, "industry" the head both share.
    found = skills(nlp, "Requirements\n- Experience in the Botany or Advertising industry\n")
    assert found.get("Botany") == "industry/vertical knowledge"
    found = skills(nlp, "Requirements\n- Able to juggle both urgent and competing priorities daily\n")
    assert set(found.values()) == {"time management and organization"}


def starts_of(nlp, text, form):
    return [s["start"] for s in nlp(text)._.skills if s["text"] == form]


def test_a_skill_word_in_the_name_of_a_degree_field_is_no_skill(nlp):
    text = ("Requirements\n- Bachelor's degree in a technical field (e.g., Manufacturing and Accounting Sciences)\n"
            "- Knowledge of Manufacturing\n")
    assert starts_of(nlp, text, "Manufacturing") == [text.rindex("Manufacturing")]
    text = ("Requirements\n- Master of Maritime Supply Chain Management or similar degree\n"
            "- Supply Chain Management experience\n")
    assert starts_of(nlp, text, "Supply Chain Management") == [text.rindex("Supply Chain Management")]
    found = skills(nlp, "Requirements\n- Bachelor's degree and experience with Kanban and Acme Engineering Suite\n")
    assert "Kanban" in found  # a product name, not a field of study


@pytest.mark.parametrize("unit, skill", [("Ensure quality with the logistics team", "logistics"),
                                         ("Pitch to buyers at all leadership levelsFluent in Spanish", "leadership"),
                                         ("Experience in a role at leadership level in a freight firm", "leadership")])
def test_a_skill_naming_a_team_department_or_rank_is_no_skill(nlp, unit, skill):
    text = f"Requirements\n- {unit}\n- Knowledge of {skill}\n"
    assert starts_of(nlp, text, skill) == [text.rindex(skill)]


def test_a_soft_skill_in_a_relation_idiom_is_no_skill(nlp):
    text = ("Requirements\n- 3+ years of dispatch experience in collaboration with depot crews\n"
            "- 5+ years of freight audit experience (includes direct oversight of depots with accountability "
            "for safety)\n- Skilled in Python with pandas\n- Strong collaboration and accountability\n")
    assert starts_of(nlp, text, "collaboration") == [text.rindex("collaboration")]
    assert starts_of(nlp, text, "accountability") == [text.rindex("accountability")]
    assert starts_of(nlp, text, "Python")  # a tool in the same frame is asked


def test_an_industry_is_knowledge_asked_only_where_its_clause_asks_for_it(nlp):
    text = ("Requirements\n- A brighter future for logistics and healthcare starts with you\n"
            "- 3+ years in the healthcare industry\n- Familiarity with the logistics space\n")
    found = [(s["text"], s["start"]) for s in nlp(text)._.skills]
    assert [s for t, s in found if t.startswith("healthcare")] == [text.rindex("healthcare")]
    assert [s for t, s in found if t == "logistics"] == [text.rindex("logistics")]


def test_a_skill_owned_by_the_employer_or_a_third_party_is_no_skill(nlp):
    text = ("Requirements\n- To deliver on our strategic vision, you bring strong negotiation skills\n"
            "- Help customers see their ROI with strong presentation skills\n"
            "- Experience with ROI analysis\n")
    found = [(s["text"], s["start"]) for s in nlp(text)._.skills]
    assert "strategic vision" not in [t for t, _ in found]
    assert [s for t, s in found if t.startswith("ROI")] == [text.rindex("ROI")]
    assert "negotiation" in " ".join(t for t, _ in found)
    found = skills(nlp, "Requirements\n- The ideal candidate will leverage their negotiation skills\n"
                        "- Bring their project management experience to every depot\n")
    assert "negotiation skills" in found and "project management" in found  # the candidate's own
    assert "CRM" in skills(nlp, "Requirements\n- Ability to learn and use our CRM quickly\n")  # a tool to work with


def test_a_task_done_well_names_no_ability_outside_requirements(nlp):
    found = skills(nlp, "Responsibilities\n- Deliver an exceptional customer experience to every depot client\n"
                        "- Provide strong leadership to the night shift crew\n"
                        "- Developing strong interpersonal relationships with depot owners\n"
                        "- Use strong negotiation skills to close freight contracts\n")
    assert "customer experience" not in found and "leadership" not in found and "interpersonal" not in found
    assert "negotiation skills" in found or "negotiation" in found
    found = skills(nlp, "Overview\nThe Depot Lead will drive strong revenue growth across the region. "
                        "The Depot Lead will be a strong player-coach. You will bring strong leadership.\n")
    assert "revenue growth" not in found
    assert "player-coach" in found and "leadership" in found  # "will be", "will bring": the person


def test_a_tool_name_that_is_a_common_word_is_no_skill_where_it_is_used_as_that_word(nlp):
    found = skills(nlp, "Requirements\n- Excel at building rapport with depot owners\n"
                        "- Go above and beyond for every freight client\n- Word of mouth referrals\n"
                        "- Proficient in Excel and Word\n- Slack for team chat\n")
    assert [t for t in found if t in ("Excel", "Go", "Word", "Slack")] == ["Excel", "Word", "Slack"]
    text = "Requirements\n- Excel at building rapport\n- Excel and PowerPoint\n"
    assert starts_of(nlp, text, "Excel") == [text.rindex("Excel")]


def test_a_skill_adjective_naming_the_kind_of_a_job_or_field_is_no_skill(nlp):
    text = ("Requirements\n- 4+ years of experience in an analytical position at a freight broker\n"
            "- Degree in a quantitative discipline\n- 3+ years in a leadership role\n- Strong analytical skills\n")
    found = [(s["text"], s["start"]) for s in nlp(text)._.skills]
    assert [s for t, s in found if t.lower().startswith(("analytical", "quantitative"))] == [text.rindex("analytical")]
    assert "leadership" in [t for t, _ in found]  # a noun: the experience asked


def test_a_soft_skill_named_by_a_bare_duty_verb_outside_requirements_is_a_task(nlp):
    found = skills(nlp, "Overview\nThe lead may mentor and coach new hires on the skills needed at the depot.\n")
    assert "mentor" not in found and "coach" not in found
    found = skills(nlp, "Overview\nThe ideal candidate has the ability to mentor and coach new depot staff.\n")
    assert "mentor" in found and "coach" in found


def test_a_heading_naming_the_topic_of_its_list_is_no_skill(nlp):
    found = skills(nlp, "Requirements\n- 3+ years of freight brokerage experience\n"
                        "Interpersonal Skills and Characteristics\n- Excellent written communication\n")
    assert "Interpersonal Skills" not in found and "Interpersonal" not in found
    assert any(t.endswith("written communication") for t in found)


def test_a_task_done_well_under_a_requirements_heading_is_still_a_task(nlp):
    text = "Requirements\n- Provides leadership to the night crew and a strong working relationship with depots\n" \
           "- Strong leadership skills\n"
    found = [(s["text"], s["start"]) for s in nlp(text)._.skills]
    assert [t for t, s in found if "leadership" in t] == ["leadership skills"]


def test_an_umbrella_phrase_names_no_skill_of_its_own(nlp):
    doc = nlp("Overview\nThe depot lead brings strong technical expertise and strong negotiation skills.\n"
              "Requirements\n- Strong computer skills\n")
    found = {s["text"]: s["canonical"] for s in doc._.skills}
    assert "technical expertise" not in found
    assert found.get("computer skills") == "technical aptitude"
    assert any(c == "negotiation" for c in found.values())


def test_area_experience_items_run_together_with_a_space(nlp):
    """"<Area> experience" bullets run together with only a space are separate items: each names
    its area, and a preference mark binds to its own item only."""
    text = ("Requirements\nTwo years in wholesale, greenhouse experience Seed Grading experience "
            "Orchard Irrigation Planning experience preferred Nursery Stock experience\n")
    found = {s["text"]: s["required"] for s in nlp(text)._.skills}
    assert found.get("Orchard Irrigation Planning") is False
    assert found.get("Nursery Stock") is True
    assert "Seed Grading" in found


def test_experience_followed_by_its_object_is_one_clause():
    from analysis.text import split_clauses
    text = "Two years experience With Kestrel boards"
    assert split_clauses(text, 0, len(text)) == [(0, len(text))]
    text = "Grading experience Nursery Stock experience"
    assert [text[a:b] for a, b in split_clauses(text, 0, len(text))] == ["Grading experience", "Nursery Stock experience"]


def test_one_word_asked_as_an_ability_is_a_skill(nlp):
    """A lone lower-case word is a skill when its item asks for it as an ability ("Passion for
    grafting", "Experience in espaliering with ..."); not an adverb, nor a verb that shares the
    object of the verb coordinated with it."""
    text = ("Requirements\nPassion for grafting\nExperience in espaliering with heritage orchards\n"
            "Ability to prune and shape young hedges\nExperience working directly with growers\n")
    found = {s["text"] for s in nlp(text)._.skills}
    assert {"grafting", "espaliering"} <= found
    assert not {"prune", "directly"} & found


def test_lower_case_tool_in_a_bracketed_list_of_names(nlp):
    """A lower-case word after named tools in brackets is one more tool; a lower-case aside in
    brackets after prose is not."""
    text = ("Requirements\nKnowledge of build tooling (Quillforge, Brambleton Hub, toml).\n"
            "Two years of field sales (as allowable)\n")
    found = {s["text"] for s in nlp(text)._.skills}
    assert "toml" in found
    assert "allowable" not in found


def test_experience_as_a_role_names_the_role(nlp):
    """"Experience as an XYZ" asks for the role XYZ: "as an" is filler before it."""
    found = {s["text"] for s in nlp("Requirements\nExperience as an RTM or some field training\n")._.skills}
    assert "RTM" in found


def test_a_short_label_before_a_dash_heads_a_requirement_sentence(nlp):
    """"Patient by nature – ..." heads a long requirement sentence: the label is a quality asked,
    even where the sentence after the dash yields only named skills."""
    text = ("Requirements\nPatient by nature – a careful grower, you will tend the seedlings "
            "through the whole winter season in the glasshouse\n")
    found = {s["text"] for s in nlp(text)._.skills}
    assert "Patient by nature" in found


def test_a_requirement_naming_our_platform_and_its_tools_in_brackets(nlp):
    """A requirement that names the employer's own platform ("our ... platform") still asks for
    its tools; the names in brackets after a kind of tool are its examples, also in a long item."""
    text = ("Requirements\nGood grasp of all the tooling that runs on our shared Orchard Data Platform "
            "(Quillstream, Kafka) today\n")
    found = {s["text"] for s in nlp(text)._.skills}
    assert {"Quillstream", "Kafka"} <= found


def test_a_tool_named_after_its_kind_and_a_named_skill(nlp):
    """"troubleshooting tools Brightwatch, ...": the tool after its kind is a skill too."""
    text = "Requirements\nKnowledge of troubleshooting tools Brightwatch, Grafana or similar\n"
    found = {s["text"] for s in nlp(text)._.skills}
    assert "Brightwatch" in found


def test_a_verb_asked_with_a_named_skill_is_a_skill(nlp):
    """"the ability to graft and negotiate": the verb coordinated with a named skill is one too."""
    found = {s["text"] for s in nlp("Requirements\nStrong people skills with the ability to graft "
                                     "and negotiate at every level\n")._.skills}
    assert "graft" in found


def test_a_label_whose_sentence_describes_an_ability_names_the_skill(nlp):
    """"Territory Management: Proven ability to ..." names a skill in its label, also among the
    duties; a label before a plain duty sentence ("Negotiation: Close the spring orders") does not."""
    text = ("Responsibilities\nVisit the garden centres every week.\n"
            "Territory Management: Proven ability to plan routes across three counties.\n"
            "Seedling Grading: Demonstrated ability to sort the spring stock in Excel.\n"
            "Negotiation: Close the spring orders with each buyer.\n")
    found = {s["text"] for s in nlp(text)._.skills}
    assert {"Territory Management", "Seedling Grading"} <= found
    assert "Negotiation" not in found


def test_a_years_requirement_run_together_with_the_item_before_it():
    """"... greenhouse technologies 4+ years of ..." starts a new item at the figure; "a minimum
    of 5+ years" and "must have 3+ years" stay one statement."""
    from analysis.text import split_clauses
    text = "Grafting with greenhouse technologies 4+ years of experience in seed grading"
    assert [text[a:b] for a, b in split_clauses(text, 0, len(text))] == [
        "Grafting with greenhouse technologies", "4+ years of experience in seed grading"]
    for text in ("A minimum of 5+ years in nursery sales", "Must have 3+ years in nursery sales"):
        assert split_clauses(text, 0, len(text)) == [(0, len(text))]


def test_a_rank_is_no_skill(nlp):
    """A free phrase that ends in "level" names a rank ("at a Foreman level"), not a skill."""
    found = {s["text"] for s in nlp("Requirements\nTwo seasons at a Head Grower or Foreman level\n")._.skills}
    assert not any(t.endswith("level") for t in found)


def test_lower_case_examples_of_a_kind_of_tool(nlp):
    """"databases preferred such as Quarry, columnar, etc.": each example is a skill, the ones
    written in lower case too; a word after "with" further on is not an example."""
    text = ("Requirements\nExperience with other kinds of databases preferred such as Quarry, columnar, etc.\n"
            "Familiarity with the Orchard Suite (Ledger, Docs) and a degree with a major in botany\n")
    found = {s["text"] for s in nlp(text)._.skills}
    assert "columnar" in found
    assert "major" not in found


def test_our_values_in_a_requirement_list_are_still_the_employer(nlp):
    """"our" opens a requirement to its words only where it names the employer's tools;
    "Alignment with our core values" stays the employer speaking."""
    assert nlp("Requirements\nAlignment with our core values and culture\n")._.skills == []


def test_a_long_clause_opening_with_a_disposition_is_an_ability(nlp):
    """"Desire to graft heritage apple trees with peers, must be ..." asks for an ability: its
    phrases are read though the clause is long and names no skill word."""
    text = "Requirements\nDesire to graft heritage apple trees alongside peers, must be ready for the frosty mornings\n"
    found = {s["text"] for s in nlp(text)._.skills}
    assert any(t.startswith("graft heritage apple trees") for t in found)


def test_a_capitalised_flag_after_experience_stays_with_its_item():
    from analysis.text import split_clauses
    text = "Seed grading experience Preferred Nursery Stock experience"
    assert [text[a:b] for a, b in split_clauses(text, 0, len(text))] == [
        "Seed grading experience Preferred", "Nursery Stock experience"]
