"""The role filter keeps the account-management family and drops other roles."""
import pytest

from crawler.roles import is_account_management

KEEP = ["Account Manager", "Sr. Key Account Manager", "Strategic Account Executive", "National Account Director",
        "Global Account Manager - Retail", "Technical Account Manager", "Account Coordinator",
        "Client Relationship Manager", "Customer Success Manager", "Client Success Lead", "Enterprise Account Executive",
        "KAM Pharma", "Partner Relationship Manager",
        "Manager, Client Relationships", "VP, Client Relationships"]
DROP = ["Software Engineer", "Accountant", "Accounts Payable Specialist", "Sales Development Representative",
        "Product Manager", "Staff Accountant", "", None]


@pytest.mark.parametrize("title", KEEP)
def test_keeps_account_management(title):
    assert is_account_management(title)


@pytest.mark.parametrize("title", DROP)
def test_drops_other_roles(title):
    assert not is_account_management(title)
