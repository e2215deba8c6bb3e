"""Sections: blocks, headings, glued bullets, required / preferred cues (texts of our own)."""
import spacy

from analysis.components.sections import is_requirement_like, required_at, section_at
from analysis.text import split_blocks

TEXT = (
    "About Us\nWe are a maker of garden tools founded in 1990.\n"
    "What You'll Do\nCall on retail buyers.Build the territory plan\n"
    "Requirements\nBachelor's degree requiredStrong negotiation skills\n"
    "Nice to have\nSpanish fluency\n"
    "Benefits\nDental and vision insurance\n"
    "We are an equal opportunity employer and value communication skills.\n"
)


def nlp():
    n = spacy.blank("en")
    n.add_pipe("amscout_sections")
    return n


def check_sections(text: str, expected: dict[str, str]) -> None:
    """The section of the block holding each phrase (its first occurrence) is the one expected."""
    doc = nlp()(text)
    assert {phrase: section_at(doc, text.index(phrase)) for phrase in expected} == expected


def test_glued_bullets_are_split_without_changing_text():
    text = "Grow the teams.Build pipelines\nFive years experienceStrong Excel skills and LinkedIn use"
    pieces = [text[a:b] for a, b in split_blocks(text)]
    assert pieces == ["Grow the teams.", "Build pipelines", "Five years experience",
                      "Strong Excel skills and LinkedIn use"]


def test_sections_follow_headings_and_cues():
    doc = nlp()(TEXT)
    assert section_at(doc, TEXT.index("garden")) == "company"
    assert section_at(doc, TEXT.index("retail buyers")) == "responsibilities"
    assert section_at(doc, TEXT.index("territory plan")) == "responsibilities"
    assert section_at(doc, TEXT.index("negotiation")) == "requirements"
    assert section_at(doc, TEXT.index("Spanish")) == "preferred"
    assert section_at(doc, TEXT.index("Dental")) == "benefits"
    assert section_at(doc, TEXT.index("equal opportunity")) == "legal"
    headings = [b["heading"] for b in doc._.blocks if b["is_heading"]]
    assert headings == ["About Us", "What You'll Do", "Requirements", "Nice to have", "Benefits"]


def test_required_and_requirement_like():
    doc = nlp()(TEXT)
    i = TEXT.index("negotiation")
    assert required_at(doc, i, i + 11) is True
    i = TEXT.index("Spanish")
    assert required_at(doc, i, i + 7) is False
    i = TEXT.index("retail buyers")
    assert required_at(doc, i, i + 6) is None
    assert is_requirement_like(doc, TEXT.index("negotiation"), TEXT.index("negotiation") + 5)
    assert not is_requirement_like(doc, TEXT.index("communication"), TEXT.index("communication") + 5)
    assert not is_requirement_like(doc, TEXT.index("retail"), TEXT.index("retail") + 6)


def test_preferred_cue_inside_requirements():
    text = "Qualifications:\n- CRM experience; Salesforce is a plus\n- Must have a driver's license\n"
    doc = nlp()(text)
    i = text.index("Salesforce")
    assert required_at(doc, i, i + 10) is False
    i = text.index("driver")
    assert required_at(doc, i, i + 6) is True


def test_role_talk_is_not_company_blurb():
    text = ("About Acme\nAcme makes garden tools.\nThe Account Manager will be responsible for 40 stores.\n"
            "We are looking for someone with 3 years of retail experience.\n")
    check_sections(text, {
        "garden": "company",
        "40 stores": "responsibilities",
        "3 years": "responsibilities",
    })


def test_accountabilities_heading_is_responsibilities():
    text = "Key Accountabilities\nLook after forty garden-centre accounts\nWhat You Bring\nThree years in retail\n"
    check_sections(text, {
        "forty": "responsibilities",
        "Three": "requirements",
    })


def test_camel_case_names_are_not_glued_bullets():
    for text in ("Close books in FloQast each month", "Claims handled in CorVel daily",
                 "Deltek CostPoint reporting; CostPoint timesheets"):
        assert [text[a:b] for a, b in split_blocks(text)] == [text]
    text = "Retail sales experienceStrong Excel skills"
    assert [text[a:b] for a, b in split_blocks(text)] == ["Retail sales experience", "Strong Excel skills"]


def test_company_and_pay_paragraphs_end_the_requirements():
    text = ("Requirements\nTwo years of wholesale experience\nA valid driving licence\n"
            "We are a family-owned seed merchant that has served growers across the valley since 1962.\n"
            "Seed catalogue updates\n"
            "Requirements\nForklift certification\n"
            "The base salary range for this role is $48,000 - $55,000 per year plus a quarterly commission.\n")
    check_sections(text, {
        "wholesale": "requirements",
        "family-owned": "company",
        "catalogue": "company",
        "Forklift": "requirements",
        "base salary": "benefits",
    })


def test_lead_in_lines_are_headings():
    """Lists announced by a question with a bracketed label, a long lead-in ending in a colon, or
    a lead-in without a colon ("This role requires")."""
    text = ("Are you ready for the road? (Responsibilities)\nVisit florists every week\n"
            "Do you have the right roots? (Requirements)\nTwo years of field sales\n"
            "What you will bring to the growing team at Green Thumb Supply Company:\nA valid driver's license\n"
            "This role requires\nFluent Portuguese\n"
            "Bonus points if you have\nA forklift certificate\n")
    check_sections(text, {
        "florists": "responsibilities",
        "Two years": "requirements",
        "driver's": "requirements",
        "Portuguese": "requirements",
        "forklift": "preferred",
    })


def test_heading_wordings_for_needs_extras_and_rewards():
    """'What's needed?', a hyphenated 'good-to-have' lead-in, 'Non-essential' and 'What's in it for me?'."""
    text = ("What's the job?\nVisit garden centres across the county\n"
            "What's needed?\nThree years of field sales\n"
            "Here is a good-to-have for the territory role at Fern & Fig:\nA forklift certificate\n"
            "Non-Essential Skills: Welsh\n"
            "What's in it for me?\nA company van\n")
    check_sections(text, {
        "garden centres": "responsibilities",
        "Three years": "requirements",
        "forklift": "preferred",
        "Welsh": "preferred",
        "company van": "benefits",
    })


def test_capitalised_items_are_not_headings():
    """A capitalised line that names a product or acronym, or carries its own flag, is an item of
    the list it stands in, not a heading that starts a new section."""
    text = ("Requirements\nThree years of field sales\nKnowledge of CMMS Software\n"
            "Working Knowledge of CRM Tools\nGreenhouse Equipment Experience\n"
            "Nice to have\nEstablished Book of Business (Preferred)\nStrong Grower Network\n"
            "Minimum Required\nA valid driver's license\n")
    doc = nlp()(text)
    headings = [b["heading"] for b in doc._.blocks if b["is_heading"]]
    assert "Knowledge of CMMS Software" not in headings
    assert "Working Knowledge of CRM Tools" not in headings
    assert "Established Book of Business (Preferred)" not in headings
    assert section_at(doc, text.index("Greenhouse")) == "requirements"
    assert section_at(doc, text.index("Grower Network")) == "preferred"
    assert section_at(doc, text.index("driver's")) == "requirements"  # "Minimum Required" is a heading


def test_benefit_lines_amid_requirements_are_benefits():
    """A benefits list that follows the requirements without a heading of its own: each line that
    names a benefit and asks nothing of the candidate is benefits; requirements stay requirements."""
    text = ("What you bring\nTwo years of nursery sales\nExperience selling dental products\n"
            "Life insurance licence required\n"
            "Paid parental leave for your growing family\n401(k) with company match\nA clean driving record\n")
    check_sections(text, {
        "dental": "requirements",
        "Life insurance": "requirements",
        "parental": "benefits",
        "401(k)": "benefits",
        "driving record": "requirements",
    })
    text = "Requirements\nTwo years of nursery sales\nHealth savings account plus pre-tax savings401(k) match\n"
    assert section_at(nlp()(text), text.index("savings401")) == "benefits"  # glued to the word before


def test_a_bulleted_line_is_an_item_not_a_heading():
    text = "Requirements\n- Two years of nursery sales\n- Important Information\n- Seed catalogue knowledge\n"
    doc = nlp()(text)
    assert [b["heading"] for b in doc._.blocks if b["is_heading"]] == ["Requirements"]
    assert section_at(doc, text.index("Seed")) == "requirements"


def test_additional_information_ends_a_list_and_love_if_you_is_preferred():
    text = ("Requirements\nTwo years of nursery sales\n"
            "We would love if you also have\nA forklift certificate\n"
            "Additional Information\nLife at Fern & Fig is sunny.\n")
    check_sections(text, {
        "forklift": "preferred",
        "Life at": "other",
    })


def test_a_field_line_labels_only_itself():
    """'Travel: up to 20%' inside a requirements list does not end the list."""
    text = ("Requirements\nTwo years of nursery sales\nWork Schedule: Monday To Friday\n"
            "Strong plant knowledge\n")
    check_sections(text, {
        "Monday": "other",
        "plant knowledge": "requirements",
    })


def test_here_is_lead_in_sentence_and_named_headings():
    """'Here is how you will benefit.' introduces the benefits even with a full stop and over 80
    characters; a heading naming a company or an acronym but no requirement stays a heading."""
    text = ("Requirements\nTwo years of nursery sales\n"
            "Here is how you will benefit as a valued colleague at Fern & Fig Nurseries Limited.\n"
            "Remote working with a laptop and a monthly phone allowance\n"
            "EEO Statement\nFern & Fig hires without regard to anything but merit.\n")
    doc = nlp()(text)
    assert section_at(doc, text.index("Remote working")) == "benefits"
    headings = [b["heading"] for b in doc._.blocks if b["is_heading"]]
    assert "EEO Statement" in headings


def test_glued_bullets_after_an_acronym_or_bracket():
    """'...GraphQLExperience with...' and '(Hive)SQL' are two bullets run together; short words
    after capitals ('MSWord', 'VMWare') and spaced acronyms are names, left whole."""
    for text, pieces in (("Rest and GraphQLExperience with SQL", ["Rest and GraphQL", "Experience with SQL"]),
                         ("Unlimited PTOFlexible hours", ["Unlimited PTO", "Flexible hours"]),
                         ("Data tools (Hive, Kafka)SQL Server", ["Data tools (Hive, Kafka)", "SQL Server"]),
                         ("MSWord and VMWare skills", ["MSWord and VMWare skills"]),
                         ("NASA Headquarters visits", ["NASA Headquarters visits"])):
        assert [text[a:b] for a, b in split_blocks(text)] == pieces


def test_more_heading_wordings():
    text = ("What We Do\nFern & Fig grows shrubs for garden centres.\n"
            "Who should apply?\nGrowers with two years of wholesale experience\n"
            "We already know you will also have\nA forklift certificate\n"
            "Life at Fern & Fig\nFriday barbecues in the glasshouse\n")
    check_sections(text, {
        "shrubs": "company",
        "Growers": "requirements",
        "forklift": "requirements",
        "barbecues": "company",
    })


def test_short_requirement_statements_are_not_headings():
    text = "Requirements\nKnowledge of irrigation systems\nFamiliarity with seed catalogues\nTwo years in sales\n"
    doc = nlp()(text)
    assert [b["heading"] for b in doc._.blocks if b["is_heading"]] == ["Requirements"]


def test_must_haves_heading_and_what_we_offer_you():
    text = ("About the role\nVisit garden centres\nMUST HAVES:\nTwo years of nursery sales\n"
            "Must have a valid driving licence\n"
            "What Fern & Fig can offer you:\nA company van\n")
    doc = nlp()(text)
    headings = [b["heading"] for b in doc._.blocks if b["is_heading"]]
    assert "MUST HAVES:" in headings and "Must have a valid driving licence" not in headings
    assert section_at(doc, text.index("Two years")) == "requirements"
    assert section_at(doc, text.index("company van")) == "benefits"


def test_posting_metadata_headings_end_a_list():
    text = "Requirements\nTwo years of nursery sales\nEmployment Type\nFull-time\nRequisition ID:\n4471\n"
    check_sections(text, {
        "Full-time": "other",
        "4471": "other",
    })


def test_word_glued_to_the_next_bullets_years_figure():
    """'...SkyQ2 years' and '...Quorbit4-year degree' start a new bullet at the figure; a figure
    inside an all-capital name ('EC2 years') is left alone."""
    for text, pieces in (("Admin of SkyQ2 years in retail", ["Admin of SkyQ", "2 years in retail"]),
                         ("Used Quorbit4-year degree", ["Used Quorbit", "4-year degree"]),
                         ("Ran AWS EC2 years ago", ["Ran AWS EC2 years ago"])):
        assert [text[a:b] for a, b in split_blocks(text)] == pieces


def test_bullets_run_together_with_only_a_space():
    """A lower-case word, then a capitalised bullet opener before a lower-case word, starts a new
    bullet; capitalised names inside a sentence and openers after 'an' / 'and' do not."""
    text = ("Brings fresh ideas to every campaign Owns the launch plan for each region "
            "Proactively shares updates with the team Strong negotiation skills")
    assert [text[a:b] for a, b in split_blocks(text)] == [
        "Brings fresh ideas to every campaign", "Owns the launch plan for each region",
        "Proactively shares updates with the team", "Strong negotiation skills"]
    for text in ("Work with the Sales team on renewals", "Offices in Texas and Ohio",
                 "We take an Experience first approach", "Skills and Experience needed here",
                 "Notice Regarding Use of Personal Data", "by executing Plan of Action steps"):
        assert [text[a:b] for a, b in split_blocks(text)] == [text]


def test_camel_names_in_lists_handles_and_hashtags_stay_whole():
    """A camel-case word that is a whole list item ('BrixLoom,') or follows '@' / '#' is a name."""
    for text in ("Tools: Gradle, BrixLoom, Maven", "Follow @TallyHarbor on social", "Join us #BuildBetter today"):
        assert [text[a:b] for a, b in split_blocks(text)] == [text]


def test_requirement_openers_after_only_a_space_start_a_bullet():
    """'...should include 4+ years Highly skilled in...' is two bullets: the second one's cue
    words ('preferred') must not reach back into the first."""
    text = "Retail experience preferred Minimum of 4 years in sales Highly skilled with spreadsheets"
    assert [text[a:b] for a, b in split_blocks(text)] == [
        "Retail experience preferred", "Minimum of 4 years in sales", "Highly skilled with spreadsheets"]


def test_list_ending_in_other_duties_under_requirement_heading_is_a_duty_list():
    text = ("What You Will Bring\n"
            "Development of the quarterly dealer plan and budget.\n"
            "Assist in hiring and training the branch staff.\n"
            "Ability to keep dealers on track and motivated.\n"
            "Perform other related duties as assigned.\n"
            "Also required\n"
            "Strong negotiation skills\n")
    check_sections(text, {"dealer plan": "responsibilities", "hiring": "responsibilities",
                          "keep dealers": "requirements", "other related duties": "responsibilities",
                          "negotiation": "requirements"})


def test_other_duties_under_a_duty_heading_changes_nothing_before_it():
    text = ("Requirements\nStrong Excel skills\nResponsibilities\nBuild the plan.\n"
            "Other duties as assigned.\n")
    check_sections(text, {"Excel": "requirements", "Build": "responsibilities"})


def test_what_you_will_get_heading_opens_benefits():
    text = ("What We Need\nStrong Excel skills\nAt Lumora, You'll Get:\nDental insurance\n"
            "Flexible/Remote work environment\nA home office setup\n")
    check_sections(text, {"Excel": "requirements", "Flexible": "benefits", "home office": "benefits"})


def test_you_will_get_to_is_not_a_benefits_heading():
    doc = nlp()("Requirements\nStrong Excel skills\nWhat You'll Get To Do:\nBuild the partner plan\n")
    assert not any(b["is_heading"] and b["section"] == "benefits" for b in doc._.blocks)


def test_what_to_expect_from_the_employer_is_the_company():
    text = ("What To Expect From Brightwell\nAt Brightwell, we build a strong culture of learning.\n"
            "What To Expect\nVisit clinics every week.\n")
    check_sections(text, {"we build": "company", "Visit clinics": "responsibilities"})


def test_line_inviting_a_kind_of_candidate_is_not_the_company_blurb():
    text = ("Who We Are\nWe are a family-run maker of marine pumps.\n"
            "If you're comfortable with ambiguity and excel through autonomy, we'd love to hear from you!\n"
            "If you are an individual with a disability, contact our recruiters.\n")
    check_sections(text, {"marine pumps": "company", "comfortable with ambiguity": "other"})
    doc = nlp()(text)
    i = text.index("comfortable with ambiguity")
    assert is_requirement_like(doc, i, i + 11)
    assert section_at(doc, text.index("individual with")) != "other"


def test_what_we_expect_from_you_asks_of_the_candidate():
    text = "What We Expect From You\nStrong Excel skills\nWhat You Can Expect From Us\nWe build pumps.\n"
    check_sections(text, {"Excel": "requirements", "We build": "company"})


def test_common_heading_phrasings_name_their_part():
    text = ("Your Mission\nGrow the dealer network.\n"
            "You'll Thrive If\nYou speak Portuguese\n"
            "What We Give You\nA car allowance\n")
    check_sections(text, {"dealer network": "responsibilities", "Portuguese": "requirements",
                          "car allowance": "benefits"})


def test_additional_duties_as_may_be_assigned_also_closes_a_duty_list():
    text = ("Key Skills\nPrepare the monthly stock report.\n"
            "Performs additional job-related duties as may be assigned.\n")
    check_sections(text, {"stock report": "responsibilities"})


def test_paragraph_on_what_the_employer_gives_ends_a_requirements_list():
    text = ("Nice To Have\nSpanish fluency\n"
            "Our total rewards give you the freedom and flexibility to grow, and our benefits are built "
            "around you and your family.\n")
    check_sections(text, {"Spanish": "preferred", "flexibility": "benefits"})


def test_requirements_list_with_a_stray_other_duties_line_stays_requirements():
    text = ("Job Requirements\nBachelor's degree in business\n3+ years of field sales\n"
            "Must hold a valid driver's license\nCoordinate the trade show calendar\n"
            "Other duties as assigned.\n")
    check_sections(text, {"field sales": "requirements", "driver's": "requirements",
                          "trade show": "requirements"})


def test_accommodation_notice_under_a_requirements_heading_is_legal():
    text = ("Bonus Points If You Have\nSpanish fluency\n"
            "If you require a reasonable accommodation to complete the application, email us.\n"
            "Must pass a background check\n")
    check_sections(text, {"Spanish": "preferred", "reasonable accommodation": "legal",
                          "background check": "preferred"})


def test_background_check_item_without_an_ask_word_stays_in_the_requirements():
    text = "Requirements\nValid driver's license and clean background check\n"
    check_sections(text, {"driver's": "requirements"})
