"""The role filter: which titles belong to the account-management family.

This is the one place the patterns live. A title is kept when it names an account manager,
executive, director or coordinator (with any prefix: key, strategic, national, global,
technical, enterprise, territory, senior, ...), a client relationship manager / executive, or a
client / customer success role. Everything else is dropped unless the crawl says ``--all-roles``.
"""
import re

ACCOUNT_MANAGEMENT_PATTERNS = [
    # account manager / executive / director / coordinator / lead / specialist / representative,
    # with any prefix ("Key", "Strategic", "Sr.", "Technical") and common abbreviations.
    r"\baccount\s*(?:manager|management|executive|exec|director|coordinator|lead|specialist|"
    r"representative|rep|partner|strategist|supervisor|associate)s?\b",
    r"\b(?:key|strategic|national|global|major|enterprise|named)\s+accounts?\b",
    r"\bkam\b",
    # "Client Relationship Manager" and also "Manager, Client Relationships", "VP, Client Relationships"
    r"\b(?:client|customer|partner|provider)\s+relationships?\b",
    r"\brelationship\s+manager\b",
    r"\b(?:client|customer)\s+success\b",
    r"\bclient\s+(?:manager|partner|director|executive|services?\s+manager)\b",
]

_ROLE_RE = re.compile("|".join(f"(?:{p})" for p in ACCOUNT_MANAGEMENT_PATTERNS), re.IGNORECASE)


def is_account_management(title: str | None) -> bool:
    """True when the title names a role of the account-management family."""
    return bool(title) and bool(_ROLE_RE.search(title))


# Title families for `amscout stats`: which kind of account-management role a title names.
# First match wins, so the specific families come before the general ones.
TITLE_FAMILIES = [
    ("technical account manager", r"\btechnical\s+account\s*(?:manager|management|director|lead)"),
    ("key / strategic account manager",
     r"\b(?:key|strategic|national|global|major|named|enterprise|regional|corporate)\s+accounts?\s*"
     r"(?:manager|management|director|lead)|\bkam\b"),
    ("customer success", r"\b(?:client|customer)\s+success\b"),
    ("client relationship",
     r"\b(?:client|customer|partner|provider)\s+relationship\b|\brelationship\s+manager\b|"
     r"\bclient\s+(?:manager|partner|director|executive|services?\s+manager)\b"),
    ("account executive", r"\baccount\s*(?:executive|exec)s?\b"),
    ("account manager",
     r"\baccount\s*(?:manager|management|director|coordinator|lead|specialist|representative|rep|"
     r"partner|strategist|supervisor|associate)s?\b"),
]
OTHER_FAMILY = "other"
_FAMILY_RES = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in TITLE_FAMILIES]


def title_family(title: str | None) -> str:
    """The family a title belongs to (``TITLE_FAMILIES``), ``"other"`` when none fits."""
    for name, pattern in _FAMILY_RES:
        if title and pattern.search(title):
            return name
    return OTHER_FAMILY
