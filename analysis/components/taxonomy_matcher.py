"""Taxonomy matcher: skills, certifications and fields of study, with ids and evidence offsets.

Skills are read only where the posting asks something of the candidate: in requirement /
preferred sections every clause is read; elsewhere only clauses that name an ability
("strong negotiation skills", "experience with Salesforce"), and from those only the skills
the taxonomy names. Company blurbs, benefits and legal
text are never read, nor are degree or eligibility statements. Two sources of skills:

- taxonomy surface forms (PhraseMatcher on LOWER, and on ORTH for acronyms), which carry the
  concept's canonical name, ESCO URI and O*NET id;
- free skill phrases: a requirement clause cut at commas / "and" / "or" into items, each
  stripped of filler ("excellent", "ability to", "5+ years of experience in") — the shortest
  phrase that names the skill. A phrase that names no taxonomy form gets its canonical from
  the taxonomy's cue stems ("thrive in a fast-paced environment" -> adaptability), else its own
  normalised text. A requirement clause that is a duty ("Collaborate with the depot team...")
  or a long sentence yields only taxonomy names (not the soft skills of a task), plus the
  examples it gives of a kind of tool or of a named tool ("deployment tools including ...").

Certifications and licences are matched in the same pass; which of them are asked is decided in
``analysis.certifications``. Fields of study are reported everywhere (the degree component keeps
those inside degree statements).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from analysis.certifications import find_certifications, without_certifications
from analysis.components.sections import (ABILITY_CUE, CAPABILITY_CUE, NEVER_SECTIONS, PREFERRED_CUE, PREFERRED_KEYS,
                                          READ_SECTIONS, doc_text, required_at, section_at, section_index)
from analysis.taxonomy import load
from analysis.text import KeyedPattern, for_lowered, gathered, split_clauses

for _name in ("skills", "certifications", "field_matches"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


# Clauses that are not about skills at all.
_DEGREE = re.compile(r"\b(degrees?|bachelor(?:'?s)?|master'?s|masters|diploma|ged\b|mba\b|ph\.?d|doctorate|associate'?s|"
                     r"b\.?s\.?|b\.?a\.?|m\.?s\.?|undergraduate|graduate of|accredited (college|university))\b", re.I)
_ELIGIBILITY = re.compile(  # anchored at word starts, so that the engine tries few positions
    r"\b(?:authori[sz]ed to work|work authori[sz]ation|(?:visa|immigration|employment) sponsorship|"
    r"require\w* sponsorship|without sponsorship|sponsorship (?:now|for|of|to)|visa\b|background check|"
    r"drug (?:test|screen)|years of age|18 years|lift(?:ing)? (?:up to )?\d+|\d+\s*(?:pounds|lbs)|"
    r"citizenship|citizen\b|security clearance|clearance|vaccinat|covid|physical|stand(?:ing)? for|"
    r"equal opportunity|salary|salaries|(?<!workers’ )(?<!workers' )(?<!workers )compensation|benefits|pto\b|"
    r"401\(?k|pay (?:range|rate|scale)|time off|holidays\b|allowance|stipend|tuition|health insurance|"
    r"(?:dental|vision|medical) (?:and \w+ )?(?:coverage|insurance|plans?)\b|"
    r"laws?\b|applicable law|reserves the right|(?:opportunity|action|e-verify) employer|applicants?\b|"
    r"candidate pool|non-exempt|"
    r"exempt\b|hourly|full[-_ ]time|part[-_ ]time|req(?:uisition)? id|job (?:id|type|code)|"
    r"schedule[sd]? (?:is|are)|shifts?\b|this (?:job|position) (?:description|is)|"
    r"representative of|not (?:be )?(?:an )?exhaustive|may (?:change|vary)|will vary|"
    r"other duties|as assigned|reasonable accommodation|parental leave|well-?being|mental health|"
    r"employee assistance|eap\b|kudos|perks?\b|discounts?\b|(?:non)?immigra\w*|located (?:in|within|near)|"
    r"resides?\b|eligib\w*|applications? (?:are |will be )?accepted|until (?:the position is )?filled)", re.I)
# A task said as what the role will do ("The manager will provide strong leadership") or opened by a
# gerund ("Developing strong client relationships").
_TASK_SAID = re.compile(r"\b(?:will|you['’]ll)\s(?!(?:be|have|bring|possess|need|demonstrate|show)\b)|^\W*[a-z]+ing\s",
                        re.I)
# A duty, not an ability: the clause opens with an imperative or third-person task verb or with
# "responsible for", maybe after an adverb ("Provide guidance...", "Maintains relationships...",
# "Actively collaborate with...") and names no capability.
_DUTY_START = re.compile(
    r"\W*(?:(?:actively|proactively|seamlessly|regularly|jointly|continuously|consistently) )?"
    r"(?:provide|collaborate|keep|prepare|stay|participate|attend|maintain|work|manage|administer|"
    r"address|build|act|research|support|encourage|ensure|develop|drive|oversee|coordinate|conduct|"
    r"create|identify|serve|represent|contribute|deliver|assist|perform|monitor|track|review|establish|"
    r"execute|implement|own|help|respond|promote|facilitate|foster|communicate|present|partner|lead|"
    r"design|define|plan|prioritize|report|analyze|negotiate|sell|generate|grow|increase|achieve|"
    r"meet|exceed|close|prospect|call|visit|travel|handle|process|resolve|train|mentor|coach|hire|"
    r"recruit|evaluate|assess|document|update|serve|initiate|cultivate|nurture|engage|educate|"
    r"leverage|utilize|use|follow|complete|organize|schedule|attend|answer|greet|input|enter|"
    r"investigate|interpret|translate|advocate|advise|consult|recommend|influence|align|shape|seek|"
    r"take|make|set|run|launch|scale|optimize|improve|expand|acquire|secure|source|write|draft|"
    r"submit|file|compile|prepare|record|log|measure|forecast|budget|price|quote|demonstrate|host|"
    r"(?:be )?(?:responsible|accountable) for)"
    r"(?:s|es)?\b(?! (?:skills|abilities|experience)\b)", re.I)
# First-person values statements ("I own my development") are not requirements.
_FIRST_PERSON = re.compile(r"(?:^|\s)I(?:\s|$|')")
_HASHTAG = re.compile(r"(?:^|\s)#\w")  # "#LI-Remote", not "C#"
# Company / employer voice: "We offer...", "Our clients include..." (unless it speaks to "you").
_EMPLOYER_VOICE = re.compile(r"\b(we|our|us|we're|we’re|we've|we’ve)\b", re.I)
_CANDIDATE_VOICE = re.compile(r"\b(you|your|candidate|experience|skills?|ability|knowledge|proficien\w*|"
                              r"familiar\w*|understanding)\b", re.I)
# Short lines that are labels, not requirements ("Additional Information", "Schedule").
_LABEL_LINE = re.compile(r"^\W*(additional information|schedule|location|job type|details|"
                         r"req(uisition)? id|job id|work (hours|schedule)|hours|shift|pay|salary|"
                         r"travel|education|experience|certifications?|licenses?|skills?|"
                         r"qualifications?|requirements?|preferred|required|important information|"
                         r"employment type|job descriptions?|supervisory responsibilities)\W*$", re.I)

# Item separators inside a clause (never inside a taxonomy match): a bracket or a punctuation mark
# with the spaces around it, or after spaces a linking word, "/", "&", "e.g.", "i.e.", "etc.", a dash.
# The look-ahead: characters a separator can start with (skips the rest fast); the spaces before a
# separator are read once, then its alternatives tried in order (each used to read them again).
_SEPARATORS_L = for_lowered(re.compile(
    r"(?=[\s,;:()\[\]/.!?])(?:\s+(?:[,;:()\[\]]\s*|"
    r"(?:and|or|and/or|as well as|including|such as|like|plus|along with|with an? eye|with)\s+|"
    r"/\s*|&\s+|e\.g\.?\s*|i\.e\.?\s*|etc\.?|[–—-]\s+)|[,;:()\[\]]\s*|/\s*|\.\s*$|!|\?)", re.I))

# Leading filler, stripped repeatedly ("Excellent", "ability to", "5+ years of experience in").
# "in-depth" stands before "in": the first alternative that matches wins, and "in" alone would
# leave "depth knowledge of ..." behind.
_LEAD = re.compile(
    r"(?:[\W\d]+\s*|(?:in-depth|and|or|a|an|as|the|you|your|our|we|have|has|having|had|possess(?:es)?|bring|brings|must|should|will|"
    r"be|is|are|being|been|can|who|that|which|with|in|of|on|at|to|for|from|within|into|using|via|by|"
    r"very|highly|extremely|truly|exceptionally|really|successfully|consistently|highly-skilled|well-developed|"
    r"keen|sharp|robust|comprehensive|intermediate|practical|foundational|"
    r"strong|stronger|excellent|exceptional|outstanding|superb|superior|great|good|solid|sound|proven|"
    r"demonstrated|demonstrable|established|documented|successful|effective|proficient|expert|advanced|"
    r"basic|working|general|deep|detailed|thorough|broad|extensive|significant|substantial|hands-on|"
    r"previous|prior|relevant|related|additional|professional|minimum|min\.?|at least|plus|preferred|required|"
    r"preferably|ideally|desired|nice to have|bonus|also|both|either|some|any|all|other|"
    r"ability|abilities|able|capability|capable|capacity|skills?|skilled|proficiency|proficient|"
    r"expertise|experience[ds]?|experiencing|knowledge|knowledgeable|understanding|familiarity|familiar|"
    r"exposure|background|track record|history|comfort|comfortable|competency|competence|command|"
    r"mastery|aptitude|fluency|fluent|passion|desire|willingness|willing|eagerness|eager|"
    r"years?|months?|yrs?|\+|or more|more|equivalent|combination|level|demonstrate[sd]?|show(?:s|n)?|"
    r"must-have|must have|nice-to-have|is a plus|a plus|is|am|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|least|ll|ve|"
    # words that introduce examples, left at an item's start when a bracket or a comma cut it
    # ("Identity Providers (IdP) such as Okta", "(including SSO)", "(e.g. Rust)")
    r"such as|including|e\.g|i\.e|like(?!-)|especially|particularly|for example|for instance|namely)\b\s*)", re.I)
# Trailing filler words, stripped one by one from the end ("negotiation skills are a plus").
_TRAIL_WORDS = {
    "skill", "skills", "abilities", "ability", "experience", "knowledge", "expertise", "background",
    "capabilities", "required", "preferred", "desired", "plus", "asset", "must", "necessary", "needed",
    "essential", "helpful", "beneficial", "strongly", "highly", "etc", "with", "in", "of", "and", "or",
    "to", "for", "the", "a", "an", "is", "are", "be", "including", "especially", "particularly",
    "preferably", "ideally"}
_CONTENT = re.compile(r"[A-Za-z]{2,}")
_STOP_PIECES = re.compile(
    r"^(?:experience|years?|skills?|knowledge|ability|abilities|requirements?|qualifications?|"
    r"candidates?|role|position|job|team|company|work|others|people|things|this|that|these|those|"
    r"it|them|us|etc|e\.g|i\.e|other|related|similar|equivalent|field|fields|industry|area|areas|"
    r"environment|setting|settings|level|levels|new|well|time|day|days|week|weeks|month|months|"
    r"including|such|plus|minimum|preferred|required|must|strong|excellent|proven|good|great|high|"
    r"similar role|related field|similar field|field of study|similar .*|business|none|n/a)$", re.I)
_MAX_PHRASE_WORDS = 12
_ACRONYM = re.compile(r"[A-Z]{3}")
_CERT_WORD = re.compile(r"certif|licen[cs]e|\.com\b", re.I)
# A free phrase is a name, not a sentence fragment: no finite verbs, no clause openers, no
# participle that opens a result clause or a passive ("..., allowing for faster filings", "a tool
# used for audits": what the skill is for, not the skill) (a word inside a hyphenated compound does
# not count: "tree-based models").
_FRAGMENT = re.compile(
    r"(?<!-)\b(will|would|could|may|might|shall|is|are|was|were|be|been|being|has|have|had|does|do|did|"
    r"not|no|if|when|where|whether|which|who|whom|whose|then|than|there|here|they|their|them|"
    r"this|these|those|such|also|only|very|provided|based|including|include|includes|per|each|every|"
    r"allowing|enabling|resulting|used)\b(?!-)|"
    r"\b(?-i:[Ii]ts?)\b|\$|%|\d", re.I)  # "it", not "IT"

_PROSE_WORDS = 10  # a clause longer than this without a capability cue is prose, not a list item
_LABEL_CHARS = 40  # an inline label ends in a colon this close to the start of its clause
_CUE_REACH = 60  # characters after a free phrase searched for a cue
_CUE_CACHE_SIZE = 200_000  # phrases whose cue is remembered (a few tens of MB at most)


_WORD_START = re.compile(r"\b\w")
# Words that, with a taxonomy skill, make a short line a requirement ("Experience building...").
_EXPERIENCE_DOING = re.compile(r"\bexperience[ds]? (?:\w+ing|(?:\w+ly )?\w+ing)\b", re.I)
# Where the head of a free phrase ends: the first preposition or relative word after it.
_HEAD_END = re.compile(r"\s+(?:at|of|in|on|for|with|within|across|to|from|under|through|that|which|"
                       r"while|when|where|by|as)\s+", re.I)
_INDUSTRY_CONCEPT = "dom.industry_vertical"
# Concepts named by a word that often only modifies the noun after it (an industry).
_MODIFIER_CONCEPTS = (_INDUSTRY_CONCEPT,)
# An industry is knowledge asked of the candidate when its clause speaks of experience, knowledge or
# a setting ("5+ years in the shipping industry", "familiar with the logistics space"); elsewhere it is
# the business the company is in ("our depots serve logistics clients", "a better future for shipping").
_INDUSTRY_ASKED_L = for_lowered(re.compile(
    r"experience|knowledge|background|familiar|understanding|expertise|exposure|years?\b|work(?:ed|ing)|"
    r"proficien|in-depth|industry|industries|sector|vertical|space|market|role|setting|environment|focus", re.I))
_ROLE_NOUN = re.compile(r"(?:^|[ \t])(?:Developer|Manager|Engineer|Representative|Specialist|Strategist|"
                        r"Analyst|Consultant|Director|Executive|Architect|Coordinator|Administrator|"
                        r"Team|Group|team|group|department)s?\b")
_ROLE_AFTER = re.compile(r"(?:[ \t]+[A-Z.][\w&.+#/-]*){0,3}?" + _ROLE_NOUN.pattern)  # capitalised words, then the role
_ROLE_OF = re.compile(r"(?:Manager|Director|Head|Vice President|VP)s? of[ \t]+$")  # "Director of Finance"
# A field of study named in capitals: "Marine and Logistics Engineering", "Bachelor of Science in
# Marketing", "Master of Port Operations Management" (the degree, not a skill asked).
_FIELD_HEAD_AFTER = re.compile(r"(?:[ \t]+(?:(?:and|&)[ \t]+)?[A-Z][\w-]*){0,3}?[ \t]+"
                               r"(?:Engineering|Sciences?|Studies)\b(?![ \t]+[A-Z])")
_DEGREE_OF_BEFORE = re.compile(r"\b(?:Bachelor|Master|Doctor|Associate)(?:['’]?s)?[ \t]+(?:of|in)"
                               r"(?:[ \t]+(?:Science|Arts)[ \t]+in)?(?:[ \t]+[A-Z][\w&-]*){0,3}[ \t]+$")
# A unit or rank of an organisation named after a skill: "the logistics team", "our accounting
# department", "at management level" (who or where, not an ability asked); also where the next
# bullet is glued on ("at all management levelsProven record ...").
_UNIT_AFTER = re.compile(r"[ \t]+(?:teams?|departments?|levels?|groups?|units?|divisions?)(?![a-z])")
# "our strategic vision", "their ROI": a thing the employer or a third party has, not an ability asked
# ("their negotiation skills" is the candidate's own: an ability noun in or right after the name; "use our
# CRM": the employer's tools are the ones the candidate works with).
_OWNED_BEFORE = re.compile(r"\b(?:[Oo]ur|[Tt]heir)[ \t]+$")
_OWNER_ENDS = ("r ", "R ", "r\t")  # the two characters before a name after "our" / "their" (a cheap first test)
_ABILITY_NOUN = re.compile(r"(?:[ \t]+|\b)(?:skills?|abilities|capabilities|proficiency|experience|expertise|"
                           r"knowledge|acumen)\b", re.I)
# What follows a common word used as a verb or a noun, not as a tool's name: "Excel at building",
# "Go above and beyond", "Outreach to prospects", "Word of mouth".
# ("Slack for team chat", "Zoom with clients" name the tool: "for", "with" are left out.)
_PLAIN_USE_AFTER = re.compile(r"[ \t]+(?:at|in|on|to|above|beyond|into|up|out|of|about|across|through|over|"
                              r"the|a|an|your|our|their|its|this|that|quickly|clearly|well)\b")
# "to" before a verb, maybe through verbs coordinated with it ("able to mentor and coach").
_INFINITIVE_BEFORE = re.compile(r"\b[Tt]o (?:[a-z]+,? (?:(?:and|or) )?)*$")
_BULLETS = " \t\n-–—•*·▪◦>"
# A skill adjective naming the kind of a job or field ("5+ years in an analytical position", "a
# degree in a quantitative discipline"): the job's or the field's kind, not an ability asked.
_JOB_KIND_AFTER = re.compile(r"[ \t]+(?:positions?|roles?|jobs?|disciplines?|fields?)\b")
_ADJECTIVE = re.compile(r"[a-z]+(?:al|ive|ic)")
_IN_BEFORE = re.compile(r"\b[Ii]n $")  # "in collaboration with": the word before a form
_WITH_BEFORE = re.compile(r"\b[Ww]ith $")  # "with accountability for"
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w-]*)")
_INDUSTRY_HEADS = {
    "industry", "industries", "sector", "sectors", "space", "market", "markets", "vertical", "verticals",
    "experience", "background", "environment", "environments", "setting", "settings", "field", "company",
    "companies", "organization", "organizations", "clients", "customers", "accounts", "sales", "is",
    "are", "and", "or", "a", "an", "the", "preferred", "required", "strongly", "highly", "plus", "knowledge"}
# Head nouns of the work itself, its occasions and units, and its setting: a free phrase ending in
# one ("implement long-term projects", "knowledge-sharing sessions", "asset teams", "a relatable
# field") says what or where the work is, not an ability (unless a cue names a skill in it).
_GENERIC_HEADS = {
    "projects", "initiatives", "deliverables", "recommendations", "issues", "challenges", "topics", "points",
    "details", "situations", "picture", "sessions", "workshops", "meetings", "team", "teams", "group", "groups",
    "unit", "units", "resources", "field", "fields", "areas", "activities", "objectives", "tasks", "duties",
    "responsibilities", "goals", "targets", "outcomes", "level", "levels"}
# Job titles: a free phrase ending in one ("Case Manager", "registered nurse") names a role, not a skill.
_TITLE_HEADS = {
    "manager", "managers", "director", "directors", "engineer", "engineers", "representative", "representatives",
    "specialist", "specialists", "analyst", "analysts", "consultant", "consultants", "executive", "executives",
    "architect", "architects", "coordinator", "coordinators", "administrator", "administrators", "assistant",
    "assistants", "nurse", "nurses", "pharmacist", "pharmacists", "developer", "developers", "officer", "officers",
    "technician", "technicians"}
# The people the work is done with or for ("executive audiences", "external partners", "prospects"):
# a phrase made of such a noun and words that only say which side or rank names a party, not an
# ability (the ability is the verb before it: "present to ...", "engage with ...").
_PARTY_HEADS = {
    "audience", "audiences", "stakeholders", "leaders", "contacts", "partners", "donors", "prospects", "vendors",
    "suppliers", "community", "communities", "clients", "customers", "executives", "sponsors", "providers"}
# Nouns that name a party, or the rank of a post, only after a word of side or rank ("senior
# management", "an executive level role"; "management" alone is the skill).
_RANKED_PARTY_HEADS = {"management", "leadership", "role", "roles", "level", "position"}
_PARTY_MODIFIERS = {
    "internal", "external", "executive", "senior", "key", "potential", "prospective", "technical", "non-technical",
    "social", "corporate", "local", "new", "existing", "third-party", "other", "both", "level", "entry", "mid", "junior"}
# Words that point at a given thing of the job ("the assigned geography", "the necessary software"):
# a phrase opening with one names what the work is on, not a skill (after a verb it may be one:
# "grow existing accounts"). "Existing" does so only before a thing that cues no skill ("existing
# portals"): "existing relationships with buyers" is the candidate's own asset.
_GIVEN_WORDS = {"assigned", "necessary", "appropriate", "respective", "designated", "applicable"}
# A named owner after the phrase's first word: "reflect Acme's core values" (the employer's own).
_OWNER = re.compile(r"\s[A-Z][\w&-]*['’]s\s+\w")
_DETERMINER = re.compile(r"\b(?:the|a|an|any|every|our|your)\b", re.I)
# Concepts about dealing with people, which the party named after "with" can narrow: "relationships
# with senior executives" is stakeholder management, not relationship building in general.
_PARTY_CONCEPTS = {"rel.relationship_building": "rel.stakeholder_mgmt", "rel.interpersonal": "rel.stakeholder_mgmt"}
_WITH_PARTY = re.compile(r"\s*with\s+([^.;:\n]{1,50})", re.I)
# A party that is senior by its first words ("with senior management", not "with staff and leadership ...").
_SENIOR_PARTY = re.compile(r"(?:\w+\s+)?(?:management|leadership|leaders|decision[- ]makers?|board)\b", re.I)
# "analyze and resolve problems", "financial or statistical analysis": a lone verb or adjective
# (told by its ending) shares the object of the words coordinated with it.
_LONE_MODIFIER = re.compile(r"[a-z]+(?:i[sz]e|y[sz]e|ate|ify|al)", re.I)
_SHARED_OBJECT = re.compile(r"\s+(?:and|or|&)\s+[a-z]+\s+(?:[a-z-]+\s+){0,2}?([a-z-]+)\b(?!\s+(?:and|or)\b)", re.I)
_EXPERIENCE_WORD = re.compile(r"\b(?:experience|years?)\b", re.I)
_WORD_CLASS_END = re.compile(r"(?:ing|ive|al|ed|ous|ful|ble|ic|ly)$")  # verb forms and adjectives
_LIST_HEADS = ("skills", "abilities", "capabilities", "skill")
# Words that name kinds of requirement: a heading made of them and skill names names a topic.
_TOPIC_WORDS = re.compile(r"(?:[\W_]|skills?|characteristics|abilities|competenc(?:y|ies)|attributes|traits|"
                          r"qualities|qualifications|requirements|and|&)*", re.I)
_SKILLS_AFTER = re.compile(r"\s+(?:skills?|abilities|capabilities|proficiency)\b", re.I)
# The posting describing the person it wants ("the successful candidate will adeptly...").
_CANDIDATE_ASK = re.compile(r"\b(?:adept\w*|(?:ideal|successful|right) (?:candidate|person|individual)|"
                            r"you must (?:have|be|possess)|thrives? (?:in|on)|(?:seeking|looking for) (?:a|an|someone)|"
                            r"are you an?)\b", re.I)
_SKILL_WORDS = re.compile(r"\b(experience|proficien\w*|knowledge|skills?|advanced|hands-on|expert|established|"
                          r"preferred|required|a plus)\b", re.I)


# A kind of tool or technology, then the words after which the clause names examples of it
# ("deployment tools including ...", "languages such as ..."; not "clients such as ...").
_EXAMPLES_L = KeyedPattern(for_lowered(re.compile(
    r"\b(?:tools?|tooling|technolog(?:y|ies)|languages?|platforms?|systems?|software|frameworks?|databases?|"
    r"applications?|apps|suites?|packages?|librar(?:y|ies)|products?|solutions?|services|stacks?|providers?|"
    r"methodolog(?:y|ies)|standards?|protocols?)(?:\)?,?(?:\s+(?:is\s+|are\s+)?(?:preferred|required))?\s+((?:such as|including|e\.g\.|for example|for instance|like)\s)|"
    r"\s*(\())",  # or its examples in brackets: "data platform (Hive, Kafka)"
    re.I)), ("such as", "including", "e.g.", "for example", "for instance", "like", "("))
# A kind of tool right after a named skill, then the name of one ("troubleshooting tools Dynatrace",
# "CRM software Zoho"): the item's last words name a tool of that kind.
_KIND_THEN_NAME = re.compile(r"[ \t]+(?:tools?|tooling|software|platforms?|systems?|suites?|applications?)[ \t]+"
                             r"([A-Z][\w.+#-]*(?:[ \t]+[A-Z][\w.+#-]*){0,2})\W*$")
# A label's sentence that opens by describing an ability ("Territory Management: Proven ability
# to ..."): the label names that skill.
_ABILITY_AFTER_LABEL_L = for_lowered(re.compile(
    r"\s*(?:(?:proven|demonstrated|strong|excellent|solid|deep|extensive)\s+)?"
    r"(?:abilit(?:y|ies)|experience|proficiency|expertise|knowledge|understanding|skill|track record)\b", re.I))
# A skill that heads its line as a label ("Drive for Results – beat the budget", "Teamwork: ...").
_LABEL_MARK = re.compile(r"\s*(?::|\s[–—-])\s")
# A line that opens by asking for an ability with its object, or that is marked preferred / required
# in brackets after two words or more.
_ASKING_LINE_L = for_lowered(re.compile(
    r"\W*(?:knowledge of|proficien(?:cy|t) (?:with|in)|experience (?:with|in|using)|familiarity with|"
    r"expertise (?:in|with)|understanding of)\s+\w", re.I))
_MARKED_LINE_L = for_lowered(re.compile(r"\w+\W+\w+[^:]*\((?:preferred|required)\)\W*$", re.I))
# A named tool, then its features ("MS Access, including report building, form design").
_TOOL_EXAMPLES_L = for_lowered(re.compile(r",?\s+((?:including|such as|e\.g\.)\s)", re.I))
# A clause that says it lists duties ("Additional responsibilities include ...", "you will be
# responsible for ..."): its ability words describe the work, not the candidate.
_DUTIES_L = KeyedPattern(for_lowered(re.compile(r"\b(?:responsibilities|duties|tasks) (?:include|will include|are)\b|"
                                                r"\b(?:will be|are) responsible for\b", re.I)),
                         ("responsib", "duties", "tasks"))
# What the job offers, not what it asks: "Opportunity to grow your sales skills", "the chance to ...".
_OFFER = re.compile(r"(?:[^,.;:\n]*,\s*)?\W*(?:the |an? |great |unique )?(?:opportunit(?:y|ies)|chance) to\b", re.I)
# The employer as a speaker ("we", "us"), not only as the owner of the tools a requirement names
# ("the tooling on our data platform"): that item asks what the candidate will use.
_WE_L = re.compile(r"\b(?:we|us|we're|we’re|we've|we’ve)\b")
_OUR_TOOLS_L = re.compile(r"\bour (?:[\w-]+ ){0,3}?(?:platforms?|tools?|tooling|systems?|software|stack|"
                          r"technolog(?:y|ies)|applications?|databases?|frameworks?)\b")
# The case-insensitive cues, compiled to run on the lower-cased text (see analysis.text.for_lowered).
(_CANDIDATE_ASK_L, _EMPLOYER_VOICE_L, _CANDIDATE_VOICE_L, _DUTY_START_L, _DEGREE_L, _PREFERRED_CUE_L, _ELIGIBILITY_L,
 _LABEL_LINE_L, _LEAD_L, _STOP_PIECES_L, _CAPABILITY_CUE_L, _EXPERIENCE_DOING_L, _OFFER_L) = map(for_lowered, (
    _CANDIDATE_ASK, _EMPLOYER_VOICE, _CANDIDATE_VOICE, _DUTY_START, _DEGREE, PREFERRED_CUE, _ELIGIBILITY,
    _LABEL_LINE, _LEAD, _STOP_PIECES, CAPABILITY_CUE, _EXPERIENCE_DOING, _OFFER))
# A capability word as the first half of a compound ("knowledge-sharing sessions", "skills-based
# pay") names an activity or a kind of thing, not an ability asked.
_CAPABILITY_CUE_L = re.compile(_CAPABILITY_CUE_L.pattern + "(?!-)")
# A preferred cue is looked for only where one of its words stands (most clauses hold none).
_PREFERRED_CUE_L = KeyedPattern(gathered(_PREFERRED_CUE_L), PREFERRED_KEYS)
_ABILITY_CUE_L, _TASK_SAID_L = for_lowered(ABILITY_CUE), for_lowered(_TASK_SAID)
# A run of leading filler, as many words as stand there (one match instead of one per word).
_LEADS_L = re.compile(f"(?:{_LEAD_L.pattern})+")
# "Experience doing" or the posting describing its candidate: whether either stands in a clause.
_DOING_OR_ASK_L = KeyedPattern(
    for_lowered(re.compile(f"(?:{_EXPERIENCE_DOING.pattern})|(?:{_CANDIDATE_ASK.pattern})", re.I)),
    ("experience", "adept", "candidate", "person", "individual", "you must", "thrive", "seeking",
     "looking for", "are you"))
# The long word lists, gathered by first letter (analysis.text.gathered: the same matches, a few
# times fewer tests at each word); only patterns whose groups are never read.
(_ELIGIBILITY_L, _CAPABILITY_CUE_L, _ABILITY_CUE_L, _LEADS_L, _STOP_PIECES_L, _DUTY_START_L, _DEGREE_L,
 _INDUSTRY_ASKED_L) = map(gathered, (_ELIGIBILITY_L, _CAPABILITY_CUE_L, _ABILITY_CUE_L, _LEADS_L, _STOP_PIECES_L,
                                     _DUTY_START_L, _DEGREE_L, _INDUSTRY_ASKED_L))
# The eligibility terms (each opens with a letter or digit) in two scans of a clause: at its start,
# and right after a space or a mark, where the engine skips ahead in C instead of trying "\b" at
# every letter (a quarter faster on a clause; see _eligibility).
if not _ELIGIBILITY_L.pattern.startswith("\\b(?:"):
    raise ValueError("_ELIGIBILITY must be one group of terms after \\b")
_ELIGIBILITY_AT_START_L = re.compile(_ELIGIBILITY_L.pattern.removeprefix("\\b"))
_ELIGIBILITY_AFTER_MARK_L = re.compile("\\W" + _ELIGIBILITY_L.pattern.removeprefix("\\b"))


@Language.factory("amscout_taxonomy")
def make_taxonomy_matcher(nlp: Language, name: str):
    return TaxonomyMatcher(nlp)


class TaxonomyMatcher:
    """Sets ``doc._.skills``, ``doc._.certifications`` and ``doc._.field_matches``."""

    def __init__(self, nlp: Language):
        self.tax = load()
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cased = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._tools = {sid for sid, row in self.tax.skills.items() if row["kind"] == "tool"}
        # Names that are also common words, matched only with their capital ("Excel", "Go", "Spark").
        self._word_names = {form for form in self.tax.skill_cased
                            if form.istitle() and form.isalpha() and form.lower() not in self.tax.skill_forms}
        self._add(nlp, self.lower, {f"S{sid}": [] for sid in self.tax.skills}, self.tax.skill_forms, "S")
        self._add(nlp, self.cased, {}, self.tax.skill_cased, "S")
        self._add(nlp, self.lower, {}, self.tax.cert_forms, "C")
        acronyms = {form: form for form in self.tax.cert_acronyms}
        self._add(nlp, self.cased, {}, acronyms, "A")
        self._add(nlp, self.lower, {}, self.tax.field_forms, "F")
        self._add(nlp, self.cased, {}, self.tax.field_cased, "F")
        # Cue stems indexed by their first three characters; the list order is the priority.
        self._keys: dict[int, tuple[str, str]] = {}  # match id -> (kind, target), decoded once
        # Each entry: ((-length, taxonomy order), stem without "$", whole word only?, skill id),
        # sorted so that the first stem found at a position is the best one there.
        self._cues: dict[str, list[tuple[tuple[int, int], str, bool, str]]] = {}
        for i, (stem, sid) in enumerate(self.tax.skill_cues):
            bare = stem.rstrip("$")
            self._cues.setdefault(stem[:3], []).append(((-len(bare), i), bare, stem.endswith("$"), sid))
        for entries in self._cues.values():
            entries.sort()
        self._cue_cache: dict[str, str | None] = {}  # lower-cased phrase -> its cue's skill id

    @staticmethod
    def _add(nlp, matcher, _unused, forms: dict[str, str], kind: str) -> None:
        by_key: dict[str, list[str]] = {}
        for form, target in forms.items():
            by_key.setdefault(f"{kind}|{target}", []).append(form)
        for key, texts in by_key.items():
            matcher.add(key, list(nlp.tokenizer.pipe(texts)))

    # ------------------------------------------------------------------ matching
    def _matches(self, doc: Doc) -> dict[str, list[tuple[int, int, str]]]:
        """Char spans per kind (S skill, C cert name, A cert acronym, F field), longest first."""
        found: dict[str, list[tuple[int, int, str]]] = {"S": [], "C": [], "A": [], "F": []}
        strings, keys = doc.vocab.strings, self._keys
        for matcher in (self.lower, self.cased):
            for key, start, end in matcher(doc):
                kind_target = keys.get(key)
                if kind_target is None:
                    kind_target = keys[key] = tuple(strings[key].split("|", 1))
                last = doc[end - 1]  # two tokens per match: cheaper than an offsets array of the Doc
                found[kind_target[0]].append((doc[start].idx, last.idx + len(last), kind_target[1]))
        for kind, spans in found.items():
            found[kind] = _longest_first(spans)
        return found

    def __call__(self, doc: Doc) -> Doc:
        found = self._matches(doc)
        doc._.field_matches = [
            {"field": self.tax.fields[t]["field"], "cip": self.tax.fields[t]["cip"], "id": t, "start": a, "end": b}
            for a, b, t in found["F"]]
        doc._.certifications = certs = find_certifications(doc, self.tax, found["C"], found["A"])
        doc._.skills = without_certifications(self._skills(doc, found["S"], found["F"]), certs, self._tools)
        return doc

    # ------------------------------------------------------------------ skills
    def _skills(self, doc: Doc, skill_spans, field_spans) -> list[dict]:
        text = doc_text(doc)
        low = section_index(doc).lower  # cue patterns run case-sensitively on it (twice as fast)
        starts = [sp[0] for sp in skill_spans]
        field_starts = [sp[0] for sp in field_spans]
        out: list[dict] = []
        for block in _mend_blocks(doc._.blocks or [], starts, skill_spans):
            if block["section"] in NEVER_SECTIONS:
                continue
            full = block["section"] in READ_SECTIONS and (
                not block.get("is_heading") or _listing(text, block, starts) or _asking_line(text, low, block))
            if block.get("is_heading") and not full and not _skill_line(text, block, starts, skill_spans):
                continue
            if not full and not _holds(starts, block["start_char"], block["end_char"]):
                continue  # elsewhere only named skills are read: a block naming none is skipped
            clauses = block.get("clauses")
            if clauses is None:  # shared with sections.clause_at
                clauses = block["clauses"] = split_clauses(text, block["start_char"], block["end_char"])
            clauses = _mend(clauses, starts, skill_spans)
            if full:  # every clause is read; whether one names an ability is asked only of a duty
                caps = [None] * len(clauses)
            else:
                heading = bool(block.get("is_heading"))  # _capability or a candidate ask, in two scans
                caps = [heading or bool((_CAPABILITY_CUE_L.search(low[a:b]) or _DOING_OR_ASK_L.search(low, a, b))
                                        and not _DUTIES_L.search(low, a, b))
                        if _holds(starts, a, b) else False for a, b in clauses]
                if not any(caps):
                    continue
            voiced = [False] * len(clauses)
            if _EMPLOYER_VOICE_L.search(low, block["start_char"], block["end_char"]):  # most blocks: no clause
                voiced = [bool(_EMPLOYER_VOICE_L.search(low, a, b)) for a, b in clauses]  # (clauses end at spaces)
            if sum(voiced) >= 2 and not _CANDIDATE_VOICE_L.search(low, block["start_char"], block["end_char"]):
                continue  # a paragraph in the employer's voice: the company, not the candidate
            for (a, b), employer, cap in zip(clauses, voiced, caps):
                if not (full or cap):
                    continue
                clause, low_clause = text[a:b], low[a:b]
                employer = employer and not _CANDIDATE_ASK_L.search(low_clause)  # "we are seeking someone..."
                if cap and _task_done_well(low_clause):
                    continue  # (outside requirement sections) "Deliver an exceptional customer experience"
                if employer and full and _OUR_TOOLS_L.search(low_clause) and not _WE_L.search(low_clause):
                    employer = False  # a requirement naming the employer's own tools ("our data platform")
                if _not_about_skills(clause, employer, low_clause):
                    continue
                # A duty ("Provide guidance...") or a prose sentence that names no capability:
                # only skills the taxonomy names are read from it; from a task, not its soft skills.
                task = not cap and bool(_DUTY_START_L.match(low_clause))
                # (a task whose only cue says how well it is done is still a task: "Provide strong leadership")
                duty = ((task or (not cap and _prose(clause)))
                        and (cap is not None or not _capability(low, a, b, block)
                             or (task and not _names_ability(low_clause))))
                if cap is None and _DUTIES_L.search(low_clause):
                    duty = True  # "Additional responsibilities include ...", whatever ability word follows
                task = task and duty
                lo = bisect_left(starts, a)
                inside = []
                while lo < len(skill_spans) and skill_spans[lo][0] < b:
                    if skill_spans[lo][1] <= b:
                        inside.append(skill_spans[lo])
                    lo += 1
                degree = [m.span() for m in _DEGREE_L.finditer(low, a, b)
                          if not _covers(inside, m.start(), m.start() + 1)]  # "MS Excel" is no degree
                if degree:  # the fields a degree names are not skills
                    lo, hi = bisect_left(field_starts, a), bisect_left(field_starts, b)
                    degree_ends = [de for _, de in degree]
                    fields = [(s, e) for s, e, _ in field_spans[lo:hi] if e <= b and _of_degree(text, degree, s, degree_ends)]
                    inside = [(s, e, t) for s, e, t in inside if not _covers(fields, s, e)]
                    degree_starts = [ds for ds, _ in degree]
                # Where no free phrase can be read (a duty, or outside requirement sections), only
                # items holding a named skill need their filler stripped; in a requirement's prose,
                # also the examples it gives: names of a kind of tool ("tools such as Jira and
                # Confluence"), any features of a named tool ("MS Access, including query design").
                names_from, features_from = self._examples(low, a, b, low_clause, inside) if full and duty else (b, b)
                examples_from = names_from if duty else 0  # for other clauses found only when asked
                items = self._items(text, a, b, inside, low, named_only=not full or duty,
                                    read_from=min(names_from, features_from))
                named_starts = [ms for ms, _, _ in inside]
                first = 0
                required = _required_in(doc, low_clause)
                label_end = _label_end(clause, a)
                for i, (rs, re_, s, e) in enumerate(items):
                    described = False  # a label that its sentence describes as an ability
                    if i == 0 and text.startswith(":", re_) and len(items) > 1:
                        described = (text.count(" ", rs, re_) < _LABEL_WORDS
                                     and bool(_ABILITY_AFTER_LABEL_L.match(low, re_ + 1, b)))
                        if not described:
                            continue  # an inline label: "Technical expertise: ..."
                    reach_end = items[min(i + 2, len(items) - 1)][1] if i + 1 < len(items) else b
                    while first < len(inside) and inside[first][1] <= rs:
                        first += 1  # items and matches both run left to right
                    last = first  # the matches that start inside this item (no copy of the rest)
                    while last < len(inside) and inside[last][0] < re_:
                        last += 1
                    named = inside[first:last]
                    if named and s < e:
                        named = self._modified(text, s, e, re_, named)
                    if named:
                        out.extend(self._skill(doc, ms, me, t, required(ms, me)) for ms, me, t in named
                                   if self._asked(text, low, a, b, ms, me, t, full, bool(degree), task))
                        example = full and named[-1][1] < re_ and _KIND_THEN_NAME.match(text, named[-1][1], re_)
                        if example:  # "troubleshooting tools Dynatrace": the tool named after its kind
                            phrase = self._phrase(doc, example.start(1), example.end(1), example.group(1),
                                                  required(example.start(1), example.end(1)))
                            if phrase:
                                out.append(phrase)
                        continue
                    if degree and (_holds(degree_starts, rs, re_) or _overlaps(fields, s, e)):
                        continue  # the degree statement itself, or a field of study
                    # "Patient by nature – ...", "Forecast Accuracy: Proven ability to ...": the label is
                    # read as a skill phrase, though its sentence is not
                    headed = described or (full and duty and i == 0 and _dash_label(text, rs, re_))
                    if headed:
                        s, e = _strip(text, rs, re_, low)
                    free = headed or full and re_ > label_end and (
                        not duty or s >= features_from or (s >= names_from and _capitalised(text[s:e])))
                    # A word of a list of skills: its concept is its own (as "<word> skills"), not the next item's.
                    listed = False
                    aside = s < e and free and _in_brackets(text, a, s) and text[s:e].islower()
                    if aside and _after_name_in_brackets(text, i, items, named_starts):
                        aside, listed = False, True  # "(Swagger, Swagger Hub, yaml)": a tool written in lower case
                    if s < e and free and not aside and (
                            listed or (_is_name(text[s:e]) and not (i == 0 and _opening_word(text, a, s, e, items)))
                            or self._single_cue_word(text[s:e]) or _asked_word(text, low, rs, s, e, items, i, named_starts)
                            or _named_as_skill(text, s, e, re_) or (listed := _in_list_of_skills(text, s, e, clause, b))
                            or (listed := self._among_skills(text, i, items, named_starts))
                            or (listed := full and _example_word(text, i, items)
                                and s >= (examples_from := examples_from or _examples_start(low_clause, a, b)))):
                        reach = text[s:e] + " skills" if listed else text[s:min(reach_end, e + _CUE_REACH)]
                        phrase = self._phrase(doc, s, e, reach, required(s, e))
                        if phrase:
                            out.append(phrase)
        return _dedupe(out)

    def _examples(self, low: str, a: int, b: int, low_clause: str, inside) -> tuple[int, int]:
        """Where a clause [a, b) starts to give examples: names of a kind of tool ("... tools such
        as Jira", "languages like Rust"), and features of a tool it names ("MS Access, including
        query design"); ``b`` for either when it gives none. (``low``: the text lower-cased.)"""
        names_from = _examples_start(low_clause, a, b)
        m = _TOOL_EXAMPLES_L.search(low, a, b)
        named_tool = m and any(me == m.start() and self.tax.skills[t]["kind"] == "tool" for _, me, t in inside)
        return names_from, (m.start(1) if named_tool else b)

    def _asked(self, text: str, low: str, a: int, b: int, start: int, end: int, sid: str,
               full: bool, degree: bool, task: bool) -> bool:
        """Is the taxonomy name at [start, end) in clause [a, b) a skill asked of the candidate?
        Not when it is a word of another name or an idiom: a job or team title outside
        requirement sections, a degree's field of study, a team / department / level, a thing
        "our" / "their" owns (the employer's vision, a customer's ROI), an adjective naming the
        kind of a job or field ("an analytical position"), a tool name used as a common word, a
        soft skill used as a preposition ("in collaboration with"), an industry the clause asks
        nothing about (the company's own business), or a soft skill naming how a task is done."""
        return ((full or not _in_job_title(text, start, end))
                and not (degree and _in_field_name(text, start, end))
                and not _UNIT_AFTER.match(text, end)
                and not (text[start - 2:start] in _OWNER_ENDS and _OWNED_BEFORE.search(text, max(0, start - 7), start)
                         and sid not in self._tools and not _owns_ability(text, start, end))
                and not (sid == _INDUSTRY_CONCEPT and not _INDUSTRY_ASKED_L.search(low, a, b))
                and not (_in_relation_idiom(text, start, end) and self.tax.skills[sid]["kind"] == "soft")
                and not (task and self._how_work_is_done(text, end, sid))
                and not self._plain_word(text, a, start, end)
                and (full or not self._duty_verb(text, low, start, end, sid))
                and not (sid != _INDUSTRY_CONCEPT and _names_job_kind(text, start, end)))

    def _duty_verb(self, text: str, low: str, start: int, end: int, sid: str) -> bool:
        """Is a soft skill named by a bare duty verb ("May mentor and coach new hires", "you'll
        collaborate with people")? Outside requirement sections that is a task of the role; after
        "to" it is an ability asked ("ability to mentor and coach")."""
        return (self.tax.skills[sid]["kind"] == "soft" and text[start].islower() and " " not in text[start:end]
                and bool(_DUTY_START_L.fullmatch(low, start, end))
                and not _INFINITIVE_BEFORE.search(text, max(0, start - 40), start))

    def _plain_word(self, text: str, a: int, start: int, end: int) -> bool:
        """Is a name that is also a common word used as that word? It opens its clause, capitalised
        only for that, and what follows reads as a verb's or a noun's complement ("Excel at building
        relationships", "Go above and beyond", "Word of mouth"), not as a tool's ("Excel and Word")."""
        return (text[start].isupper() and text[start:end] in self._word_names and not text[a:start].strip(_BULLETS)
                and bool(_PLAIN_USE_AFTER.match(text, end)))

    def _how_work_is_done(self, text: str, end: int, sid: str) -> bool:
        """A soft skill named inside a task ("Collaborate with the depot team", "foster a
        collaborative culture", "Encourage innovative thinking") says how the work is done, not
        an ability asked of the candidate; unless it heads its line as a label ("Drive for
        Results – beat the plan")."""
        return self.tax.skills[sid]["kind"] == "soft" and not _LABEL_MARK.match(text, end)

    def _modified(self, text: str, s: int, e: int, raw_end: int, named: list) -> list:
        """An industry named as the modifier of a noun that cues another concept ("managed care
        analytics", "healthcare stakeholders"): the item names that concept, not the industry."""
        out = []
        for k, (ms, me, sid) in enumerate(named):
            if sid in _MODIFIER_CONCEPTS and k + 1 < len(named) and not text[me:named[k + 1][0]].strip():
                continue  # "managed care analytics": the next name is the noun it modifies
            if (len(named) == 1 and sid in _MODIFIER_CONCEPTS and s <= ms and me <= e
                    and _modifies(text, me, raw_end)):
                other = self._cue(text[s:ms] + " " + text[me:e])
                if other and other != sid:
                    if text.count(" ", s, e) >= _PROSE_WORDS:  # a sentence cut short: the industry and its noun
                        noun = _NEXT_WORD.match(text, me, raw_end)
                        other = self._cue(noun.group(1)) or other
                        s, e = ms, noun.end()
                    out.append((s, e, other))
                    continue
            out.append((ms, me, sid))
        return out

    def _items(self, text: str, a: int, b: int, protected, low: str, named_only: bool = False,
               read_from: int | None = None) -> list[tuple[int, int]]:
        """A clause cut into items at separators outside taxonomy matches: (raw start, raw end,
        start, end stripped of filler; start == end when no phrase is left). With ``named_only``
        only items that hold a match, or that start at ``read_from`` or later, are stripped."""
        read_from = b if read_from is None else read_from
        cuts = [a]
        starts = [s for s, _, _ in protected]  # sorted, not overlapping
        for m in _SEPARATORS_L.finditer(low, a, b):
            sep_start, sep_end = m.span()
            i = bisect_left(starts, sep_end) - 1  # the last match starting before the separator ends
            if i < 0 or protected[i][1] <= sep_start:
                cuts += sep_start, sep_end
        cuts.append(b)
        items = []
        for rs, re_ in zip(cuts[::2], cuts[1::2]):
            if named_only and rs < read_from and not _overlaps(protected, rs, re_):
                items.append((rs, re_, rs, rs))  # not stripped: nothing is read from it
                continue
            s, e = _strip(text, rs, re_, low)
            items.append((rs, re_, s, e))
        return items

    def _skill(self, doc: Doc, start: int, end: int, sid: str, required: bool | None) -> dict:
        row = self.tax.skills[sid]
        return {"start": start, "end": end, "text": doc_text(doc)[start:end], "canonical": row["canonical"],
                "id": sid, "esco": row["esco"] or None, "onet": row["onet"] or None,
                "required": required}

    def _phrase(self, doc: Doc, start: int, end: int, reach: str, required: bool | None) -> dict | None:
        """A free skill phrase; its concept from a cue in it, else in the words right after it
        ("manage both timely and multiple priorities": the cue stands in the next item)."""
        phrase = doc_text(doc)[start:end]
        head = _HEAD_END.split(phrase, 1)[0]  # "financial competency at a detailed level": the head decides
        sid = (head != phrase and self._cue(head)) or self._cue(phrase)
        if sid and _LONE_MODIFIER.fullmatch(phrase):
            shared = _SHARED_OBJECT.match(reach, len(phrase))
            sid = (shared and self._cue(shared.group(1))) or sid
        if not sid and (_DETERMINER.search(phrase) or _OWNER.search(phrase)):
            return None  # "ensure the sub team", "reflect Acme's values": a piece of a sentence, not a skill
        last = phrase[phrase.rfind(" ") + 1:].lower()
        if not sid and (last in _GENERIC_HEADS or last in _TITLE_HEADS):
            return None  # "PMO projects", "group sessions", "Case Manager": the work or a role, not an ability
        words = phrase.lower().split()
        if _party(words):
            return None  # "executive audiences": who the work is with, not an ability
        if words[0] in _GIVEN_WORDS or (words[0] == "existing" and not sid):
            return None  # "assigned territory", "existing portals": a thing of the job, not a skill
        if not sid and all(_STOP_PIECES.match(w) and not w.isupper() for w in phrase.split()):
            return None  # "business environment": no word names a skill (an acronym, "IT", would)
        if not sid:  # "Botany or Advertising industry": the head that the words coordinated with the phrase
            # share decides, not the concept of its partner (a sibling, not the phrase itself)
            shared = _SHARED_OBJECT.match(reach, len(phrase))
            sid = (shared and self._cue(shared.group(1))) or self._cue(reach)
        sid = self._party(sid, reach[len(phrase):]) if sid in _PARTY_CONCEPTS else sid
        if sid:
            skill = self._skill(doc, start, end, sid, required)
            skill["id"] = None  # the concept is inferred from a cue, not named
            return skill
        canonical = " ".join(phrase.lower().split())
        if " " not in canonical and _SKILLS_AFTER.match(doc_text(doc), end):
            canonical += " skills"  # "strong mechanical skills": the concept is "mechanical skills", not "mechanical"
        return {"start": start, "end": end, "text": phrase, "canonical": canonical,
                "id": None, "esco": None, "onet": None, "required": required}

    def _party(self, sid: str, after: str) -> str:
        """The narrower concept when the words right after a people skill name its party
        ("build relationships with C-level buyers"), else the skill's own concept."""
        m = _WITH_PARTY.match(after)
        narrower = _PARTY_CONCEPTS[sid]
        if m and narrower == "rel.stakeholder_mgmt" and _SENIOR_PARTY.match(m.group(1)):
            return narrower  # "interact with management": the people a stakeholder manager deals with
        return narrower if m and self._cue(m.group(1)) == narrower else sid

    def _among_skills(self, text: str, i: int, items, named_starts: list[int]) -> bool:
        """One lower-case word after a comma, with a skill on either side of it, is a skill too
        ("interpersonal communication, presentation, organization, and self-discipline")."""
        rs, _, s, e = items[i]
        if (i == 0 or i + 1 >= len(items) or "," not in text[items[i - 1][1]:rs] or " " in text[s:e]
                or not _content_word(text[s:e])):
            return False
        for k in (i - 1, i + 1):
            ks, ke, ps, pe = items[k]
            if not (_holds(named_starts, ks, ke) or (ps < pe and self._cue(text[ps:pe]))):
                return False
        return True

    def _single_cue_word(self, phrase: str) -> bool:
        """One lower-case word counts when a cue names its concept ("flexible", "organized")."""
        return " " not in phrase and len(phrase) > 3 and self._cue(phrase) is not None

    def _cue(self, phrase: str) -> str | None:
        """The skill whose cue stem stands in the phrase: the longest stem, then the earliest in
        taxonomy order ("external stakeholder interactions": stakeholder, not interact)."""
        low = phrase.lower()
        if low in self._cue_cache:  # postings repeat their phrases ("communication skills", ...)
            return self._cue_cache[low]
        best = None
        for m in _WORD_START.finditer(low):
            at = m.start()
            for rank, stem, whole, sid in self._cues.get(low[at:at + 3], ()):  # best rank first
                if best is not None and rank >= best[0]:
                    break
                if low.startswith(stem, at):
                    end = at + len(stem)
                    if whole and end < len(low) and low[end].isalnum():
                        continue  # "initiative$": the whole word only, not "initiatives"
                    best = (rank, sid)
                    break
        if len(self._cue_cache) < _CUE_CACHE_SIZE:
            self._cue_cache[low] = best[1] if best else None
        return best[1] if best else None

def _skill_required(doc: Doc, start: int, end: int) -> bool | None:
    """required_at, except that a skill listed under a requirements heading ("Qualifications",
    "What you bring") with no preference cue is required, as the guidelines read such lists."""
    req = required_at(doc, start, end)
    if req is None and section_at(doc, start) == "requirements":
        return True
    return req


def _required_in(doc: Doc, low_clause: str):
    """_skill_required for spans of one clause (lower-cased); computed once when no cue in the
    clause can make one statement preferred and another not (then only the section and the
    clause decide)."""
    memo: list = []  # [any preferred cue in the clause, the clause's answer when there is none]

    def required(start: int, end: int) -> bool | None:
        if not memo:  # asked on the first skill found, not for every clause
            memo.append(bool(_PREFERRED_CUE_L.search(low_clause)))
        if memo[0]:
            return _skill_required(doc, start, end)
        if len(memo) == 1:
            memo.append(_skill_required(doc, start, end))
        return memo[1]
    return required


def _capability(low: str, a: int, b: int, block: dict) -> bool:
    """Does the clause name an ability ("strong ... skills", "experience building ...")? (``low``:
    the text lower-cased)"""
    return bool(block.get("is_heading") or _CAPABILITY_CUE_L.search(low[a:b]) or _EXPERIENCE_DOING_L.search(low, a, b)
                or _DISPOSITION_L.match(low, a, b))


# A clause that opens with a disposition asked of the candidate ("Desire to work closely with
# peers", "Passion for ...", "Willingness to learn ..."): an ability statement, not a task.
_DISPOSITION_L = re.compile(r"\W*(?:a |an )?(?:(?:strong|genuine|proven|deep) )?(?:desire|willingness|passion|eagerness|"
                            r"curiosity|hunger|motivation|commitment) (?:to|for)\b")


def _task_done_well(low_clause: str) -> bool:
    """Outside requirement sections: is the clause a task whose only capability cue says how well
    it is done ("Deliver an exceptional customer experience", "The manager will provide strong
    leadership")? It names no ability asked of the candidate. A task opens with a duty verb or a
    gerund, or says what the role will do ("will be a strong coach", "will bring strong leadership"
    describe the person instead)."""
    return bool((_DUTY_START_L.match(low_clause) or _TASK_SAID_L.search(low_clause))
                and not _names_ability(low_clause) and not _CANDIDATE_ASK_L.search(low_clause))


def _names_ability(low_clause: str) -> bool:
    """Does the clause name an ability ("skills", "experience with", "experience building"), not
    only say how well something is done ("strong", "proven")?"""
    return bool(_ABILITY_CUE_L.search(low_clause) or _EXPERIENCE_DOING_L.search(low_clause))


def _skill_line(text: str, block: dict, starts: list[int], skill_spans) -> bool:
    """A short title-case bullet ("Hands-on Experience with Salesforce Sales Cloud") can pass for
    a requirements heading; when it names a skill and a capability, its named skills are read.
    Not a heading that only names the topic of the list under it ("Interpersonal Skills and
    Characteristics"): besides the names, it holds nothing but words for kinds of requirement."""
    a, b = block["start_char"], block["end_char"]
    if not (block["section"] in READ_SECTIONS and _holds(starts, a, b)
            and (CAPABILITY_CUE.search(text, a, b) or _SKILL_WORDS.search(text, a, b))):
        return False
    rest, at = [], a
    for s, e, _ in skill_spans[bisect_left(starts, a):bisect_left(starts, b)]:
        rest.append(text[at:s])
        at = max(at, e)
    rest.append(text[at:b])
    return not _TOPIC_WORDS.fullmatch(" ".join(rest))


def _listing(text: str, block: dict, starts: list[int]) -> bool:
    """A heading-like line that is a comma list naming a skill ("Clinical IT experience, Pharmacy
    IT, or Nursing Informatics, preferred") is a requirement line, not a heading (a heading that
    names its topics, "Education, Experience, and Skills:", names no skill and may end in a colon)."""
    a, b = block["start_char"], block["end_char"]
    return text.count(",", a, b) >= 2 and not text[a:b].rstrip().endswith(":") and _holds(starts, a, b)


def _asking_line(text: str, low: str, block: dict) -> bool:
    """A heading-like line that asks for something by name ("Knowledge of CMMS systems",
    "Established book of business (preferred)") is a requirement line: a heading names no object.
    (``low``: the text lower-cased.)"""
    a, b = block["start_char"], block["end_char"]
    if text[a:b].rstrip().endswith(":"):
        return False  # "Knowledge of the role:" introduces a list
    return bool(_ASKING_LINE_L.match(low, a, b) or _MARKED_LINE_L.search(low, a, b))


def _straddled(starts: list[int], skill_spans, a: int, b: int, next_start: int) -> bool:
    """Does a taxonomy name start in [a, b) and run past next_start?"""
    i = bisect_left(starts, b) - 1  # the last match starting before b
    return i >= 0 and skill_spans[i][0] >= a and skill_spans[i][1] > next_start


def _mend(clauses: list[tuple[int, int]], starts: list[int], skill_spans) -> list[tuple[int, int]]:
    """Join clauses that a taxonomy name straddles: "MicroStrategy" is a name, not glued bullets."""
    out = [clauses[0]]
    for a, b in clauses[1:]:
        if _straddled(starts, skill_spans, out[-1][0], out[-1][1], a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _mend_blocks(blocks: list[dict], starts: list[int], skill_spans) -> list[dict]:
    """Join body blocks of one section that a taxonomy name straddles (a name cut as glued bullets)."""
    out: list[dict] = []
    for block in blocks:
        last = out[-1] if out else None
        if (last and not last.get("is_heading") and not block.get("is_heading")
                and last["section"] == block["section"]
                and _straddled(starts, skill_spans, last["start_char"], last["end_char"], block["start_char"])):
            out[-1] = {**last, "end_char": block["end_char"]}
            out[-1].pop("clauses", None)
        else:
            out.append(block)
    return out


def _in_job_title(text: str, start: int, end: int) -> bool:
    """Whether a taxonomy form is a word of a job or team name ("a Senior Customer Success
    Manager", "the Snowflake Sales Engineer", "a Full stack .NET Developer", "the FP&A team",
    "Director of Finance"): outside requirement sections that names the role, not a skill
    asked of the candidate."""
    return (text[start].isupper() or text[start] == ".") and bool(
        _ROLE_NOUN.search(text[start:end]) or _ROLE_AFTER.match(text, end)
        or _ROLE_OF.search(text, max(0, start - 30), start))


def _in_field_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised taxonomy form, in a clause naming a degree, is a word of the name of
    a field of study ("Marine and Logistics Engineering", "Master of Port Operations Management"):
    the candidate's degree, not a skill asked. A name going on after the field's head word is a
    product ("Acme Engineering Suite")."""
    return text[start].isupper() and bool(
        _FIELD_HEAD_AFTER.match(text, end) or _DEGREE_OF_BEFORE.search(text, max(0, start - 60), start))


def _names_job_kind(text: str, start: int, end: int) -> bool:
    """Is the name one adjective before a word for a job or field ("an analytical position", "a
    quantitative discipline")? It says what kind of job, not an ability (a noun is one: "a
    leadership role"). The last letter is tested first: most names end otherwise."""
    return text[end - 1] in "lec" and bool(_ADJECTIVE.fullmatch(text, start, end) and _JOB_KIND_AFTER.match(text, end))


def _owns_ability(text: str, start: int, end: int) -> bool:
    """Does the name carry an ability noun, in it or right after it ("their negotiation skills")?"""
    return bool(_ABILITY_NOUN.search(text, start, end) or _ABILITY_NOUN.match(text, end))


def _in_relation_idiom(text: str, start: int, end: int) -> bool:
    """Whether a taxonomy form (of a soft skill) is the noun of an idiom that says with whom or
    for what the work is done ("plan routes in collaboration with the depot", "a role with
    accountability for safety"): a preposition in effect, not an ability asked. (A tool in the
    same frame is asked: "skilled in Python with pandas".)"""
    return ((text.startswith(" with", end) and bool(_IN_BEFORE.search(text, max(0, start - 4), start)))
            or (text.startswith(" for", end) and bool(_WITH_BEFORE.search(text, max(0, start - 6), start))))


def _in_brackets(text: str, clause_start: int, start: int) -> bool:
    """Whether a phrase stands inside brackets opened in its clause. A lower-case phrase there is
    an aside ("(as allowable)", "(manager or director levels)") that qualifies the words before
    it; a name there ("(Jenkins, Gradle)") is an example of a skill and is kept."""
    before = text[clause_start:start]
    return before.count("(") > before.count(")")


def _covers(spans, start: int, end: int) -> bool:
    """Does one of ``spans`` (sorted, not overlapping) hold all of [start, end)? (bisection: a
    clause of thousands of names stays linear)"""
    i = bisect_right(spans, (start, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _overlaps(spans, start: int, end: int) -> bool:
    """Does one of ``spans`` (sorted, not overlapping) overlap [start, end)?"""
    i = bisect_right(spans, (start, float("inf"))) - 1
    if i >= 0 and spans[i][0] < end and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end


def _holds(starts: list[int], a: int, b: int) -> bool:
    """Does a match start within [a, b)? (``starts`` sorted.)"""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b


def _capitalised(phrase: str) -> bool:
    """Is every word of the phrase capitalised (or a number)? A product or technology name
    ("Subversion", "Azure Portal"), not a common noun phrase nor a job title."""
    return all(w[0].isupper() or w[0].isdigit() for w in phrase.split()) and not _ROLE_NOUN.search(phrase)


def _label_end(clause: str, a: int) -> int:
    """Where the inline label that opens a clause ends ("Mandatory Skills/Qualifications: Project
    Management ..."): its colon near the start, with the list after it; ``a`` (the clause's start)
    when there is none. The words of a label name a topic, not a skill asked of the candidate."""
    colon = clause.find(":", 0, _LABEL_CHARS)
    return a + colon if colon >= 0 and clause[colon + 1:].strip() else a


def _prose(clause: str) -> bool:
    """Is the clause a sentence rather than a list item? Counted after an inline label
    ("Experience includes: billing, claims audits, HEDIS"), which only introduces a list."""
    label = clause.find(": ", 0, _LABEL_CHARS)
    return clause.count(" ", label + 2 if label >= 0 else 0) >= _PROSE_WORDS


def _eligibility(low_clause: str) -> bool:
    """``_ELIGIBILITY_L.search(low_clause)``: a term at a word start, which is the clause's start or
    a place after a non-word character."""
    return bool(_ELIGIBILITY_AT_START_L.match(low_clause) or _ELIGIBILITY_AFTER_MARK_L.search(low_clause))


def _not_about_skills(clause: str, employer_voice: bool, low_clause: str) -> bool:
    """Eligibility, pay or legal terms, a label line, the employer speaking, a values motto."""
    return bool("@" in clause or "http" in clause or "www." in clause
                or ("#" in clause and _HASHTAG.search(clause))
                or ("I" in clause and _FIRST_PERSON.search(clause))
                or _eligibility(low_clause) or _LABEL_LINE_L.match(low_clause) or _OFFER_L.match(low_clause)
                or (employer_voice and not _CANDIDATE_VOICE_L.search(low_clause)))


def _of_degree(text: str, degree: list[tuple[int, int]], start: int, ends: list[int]) -> bool:
    """Is the field at ``start`` the degree's field of study? It follows a degree word, with no
    statement of experience between ("degree in Engineering and 4+ years of Project Management
    experience": Project Management is experience, not the degree's field)."""
    i = bisect_right(ends, start) - 1  # the last degree word ending before it (``ends``: of ``degree``)
    return i >= 0 and not _EXPERIENCE_WORD.search(text, degree[i][1], start)


def _modifies(text: str, end: int, item_end: int) -> bool:
    """Is the name a modifier of the noun after it ("clinical information", "managed care
    analytics", "healthcare stakeholders")? Then the item is about that noun, not the industry."""
    m = _NEXT_WORD.match(text, end, item_end)
    return bool(m) and m.group(1).lower() not in _INDUSTRY_HEADS


def _named_as_skill(text: str, s: int, e: int, raw_end: int) -> bool:
    """One lower-case word followed by "skills" / "abilities" names a skill ("typing skills")."""
    return e - s > 3 and _content_word(text[s:e]) and bool(_SKILLS_AFTER.match(text, e, raw_end))


def _in_list_of_skills(text: str, s: int, e: int, clause: str, b: int) -> bool:
    """One lower-case word in a short list that ends in "skills" / "abilities" shares that noun
    ("strong planning, organizational and follow-up skills": planning skills); not across a "with",
    after which the noun is another's ("a confident self-starter, with strong interpersonal skills").
    (``b``: where the clause ends.)"""
    return (e - s > 3 and " " not in text[s:e] and _content_word(text[s:e])
            and clause.count(" ") < _PROSE_WORDS and clause.rstrip(" .;:!").lower().endswith(_LIST_HEADS)
            and text.find(" with ", e, b) < 0)


def _opening_word(text: str, a: int, s: int, e: int, items) -> bool:
    """A lone word capitalised only because it opens a clause whose next item is lower-case, and
    whose ending makes it a verb form or an adjective ("Building, configuring and deploying",
    "Positive and enthusiastic"): no sign of a name ("Yardi or other property software" is one).
    A clause cut out of glued words ("SonarQube") does not open with a word of its own."""
    word = text[s:e]
    if (len(items) < 2 or not (word.isalpha() and word[0].isupper() and word[1:].islower())
            or not _WORD_CLASS_END.search(word) or (a > 0 and text[a - 1].isalpha())):
        return False
    nxt_s, nxt_e = items[1][2], items[1][3]
    return nxt_s < nxt_e and text[nxt_s].islower()


def _party(words: list[str]) -> bool:
    """Are the (lower-case) words of a phrase only a party of the work ("non-technical
    stakeholders", "vendors")?"""
    head = words[-1]
    return ((head in _PARTY_HEADS or (head in _RANKED_PARTY_HEADS and len(words) > 1))
            and all(w in _PARTY_MODIFIERS for w in words[:-1]))


# Words before an item's one word that say it is an ability asked ("the ability to sell",
# "passion for learning", "experience in liaising").
_ASKED_BEFORE_L = for_lowered(re.compile(
    r"\b(?:abilit(?:y|ies)|able|passion|experience[ds]?|knowledge|proficien(?:cy|t)|skilled|expertise|"
    r"familiarity|familiar|aptitude|fluen(?:cy|t))\b", re.I))


def _asked_word(text: str, low: str, raw_start: int, s: int, e: int, items, i: int, named_starts: list[int]) -> bool:
    """One lower-case word that the item's own filler asks for as an ability ("the ability to
    sell", "Passion for sales", "experience in liaising with ..."): a skill, though a lone word
    elsewhere is only a topic. Not an adverb ("working directly with"), nor a word whose noun
    follows in brackets ("relational (Postgres) databases"), nor a verb coordinated with the next
    item ("the ability to identify and implement projects", "building, configuring and ..."): it
    shares that item's object, and the skill is the whole phrase; unless that item opens with a
    named skill ("the ability to sell and negotiate": two skills)."""
    word = text[s:e]
    if not (s > raw_start and e - s > 3 and " " not in word and _content_word(word)
            and not word.endswith("ly") and not text.startswith(" (", e)):
        return False
    if not _ASKED_BEFORE_L.search(low, raw_start, s):
        return False
    verb = word.endswith("ing") or _TO_BEFORE_L.search(low, raw_start, s)
    if not (verb and i + 1 < len(items) and _COORDINATED_L.match(low, items[i][1], items[i + 1][0])):
        return True
    next_start, next_end = items[i + 1][2], items[i + 1][3]
    return next_start < next_end and _holds(named_starts, next_start, next_start + 1)


_TO_BEFORE_L = for_lowered(re.compile(r"\bto\s*$", re.I))
_COORDINATED_L = for_lowered(re.compile(r"\s*(?:,|,?\s*(?:and|or|&|and/or)\b)", re.I))


def _after_name_in_brackets(text: str, i: int, items, named_starts: list[int]) -> bool:
    """One lower-case word after a comma in brackets, after an item that is a name ("(Gradle,
    Maven, yaml)"): an example in a list of named tools, not an aside."""
    rs, _, s, e = items[i]
    if i == 0 or " " in text[s:e] or not _content_word(text[s:e]) or "," not in text[items[i - 1][1]:rs]:
        return False
    ks, ke, ps, pe = items[i - 1]
    return _holds(named_starts, ks, ke) or (ps < pe and _capitalised(text[ps:pe]))


_DASH_MARK = re.compile(r"\s+[–—-]\s")
_DASHES = ("–", "—", "-")  # what follows the space that ends a label before a dash
_LABEL_WORDS = 4  # a label before a dash is this many words at most


def _dash_label(text: str, start: int, end: int) -> bool:
    """A short phrase that heads its line before a dash ("Patient by nature – you listen first"):
    a quality asked, which the sentence after the dash explains."""
    return (text.startswith(_DASHES, end + 1) and bool(_DASH_MARK.match(text, end))
            and text.count(" ", start, end) < _LABEL_WORDS)


def _example_word(text: str, i: int, items) -> bool:
    """Could the item be one word among the examples of a kind of tool ("databases such as noSQL,
    graph")? One word after a comma or bracket (not "..., with a major in ..."); where the examples
    start is asked after this."""
    rs, _, s, e = items[i]
    return (i > 0 and " " not in text[s:e] and any(c in text[items[i - 1][1]:rs] for c in ",(")
            and _content_word(text[s:e]))


def _examples_start(low_clause: str, a: int, b: int) -> int:
    """Where a clause [a, b) starts to name examples of a kind of tool ("... tools such as Jira",
    "a data platform (Hive, Kafka)"); ``b`` when it names none."""
    m = _EXAMPLES_L.search(low_clause)
    return a + m.start(m.lastindex) if m else b


def _content_word(word: str) -> bool:
    """A word that can name something: not a function word nor a stop piece. (Kept per word: the
    same few thousand words come back in every posting.)"""
    known = _CONTENT_WORDS.get(word)
    if known is None:
        known = word.isalpha() and not _FRAGMENT.search(word) and not _STOP_PIECES.match(word)
        if len(_CONTENT_WORDS) < _CUE_CACHE_SIZE:
            _CONTENT_WORDS[word] = known
    return known


_CONTENT_WORDS: dict[str, bool] = {}


def _is_name(phrase: str) -> bool:
    """Could this free phrase name a skill? Not a fragment of a sentence, not a stub."""
    if len(phrase) <= 3:
        return bool(_ACRONYM.fullmatch(phrase))  # "OOP", "BPC": a three-letter acronym names a method or tool
    # One lower-case word ("processes", "standards") is a topic, not a skill; one capitalised
    # word mid-list is usually a named tool or method ("Okta", "Kanban"). (Asked first: it is cheap.)
    if " " not in phrase and phrase.islower():
        return False
    return not (_FRAGMENT.search(phrase) or _CERT_WORD.search(phrase))


def _strip(text: str, s: int, e: int, low: str) -> tuple[int, int]:
    """Shrink [s, e) past leading filler and trailing filler; empty when nothing names a skill.
    ``low``: the text lower-cased (same offsets)."""
    m = _LEADS_L.match(low, s, e)  # every filler word at the start, in one match
    if m:
        s = m.end()
    while s < e:
        while e > s and not text[e - 1].isalnum():
            e -= 1
        word_start = text.rfind(" ", s, e) + 1 or s
        if word_start < s or low[max(word_start, s):e] not in _TRAIL_WORDS:
            break
        e = max(word_start, s)
    if (not _CONTENT.search(text, s, e) or _STOP_PIECES_L.match(low[s:e])
            or (e - s > 2 * _MAX_PHRASE_WORDS and len(text[s:e].split()) > _MAX_PHRASE_WORDS)):  # (words need spaces)
        return s, s
    return s, e


def _longest_first(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Leftmost-longest: of overlapping matches the one that starts first (the longest there)
    wins ("B2B Outside Sales Experience": B2B, Outside Sales), in text order."""
    kept: list[tuple[int, int, str]] = []  # sorted by start, never overlapping
    end = -1  # where the last kept match ends (the furthest end: kept matches never overlap)
    # (the concept id breaks a tie of equal spans: a set's order varies from process to process)
    for span in sorted(set(spans), key=lambda x: (x[0], -(x[1] - x[0]), x[2])):
        if span[0] >= end:  # matches come in start order: only the last kept one can overlap
            kept.append(span)
            end = span[1]
    return kept


def _dedupe(skills: list[dict]) -> list[dict]:
    seen, out = set(), []
    for sk in sorted(skills, key=lambda x: (x["start"], -x["end"])):
        if (sk["start"], sk["end"]) not in seen:
            seen.add((sk["start"], sk["end"]))
            out.append(sk)
    return out
