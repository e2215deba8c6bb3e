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
    r"\b(?:client|customer|partner|provider)\s+relationship\s+(?:manager|executive|director|lead|specialist)\b",
    r"\brelationship\s+manager\b",
    r"\b(?:client|customer)\s+success\b",
    r"\bclient\s+(?:manager|partner|director|executive|services?\s+manager)\b",
]

_ROLE_RE = re.compile("|".join(f"(?:{p})" for p in ACCOUNT_MANAGEMENT_PATTERNS), re.IGNORECASE)


def is_account_management(title: str | None) -> bool:
    """True when the title names a role of the account-management family."""
    return bool(title) and bool(_ROLE_RE.search(title))
