"""Posting: the one normalised record every spider yields (see DESIGN.md, Records)."""
import scrapy


class Posting(scrapy.Item):
    """A job posting as the store keeps it; ``id`` is ``source:board:external_id``."""

    id = scrapy.Field()
    source = scrapy.Field()
    board = scrapy.Field()
    external_id = scrapy.Field()
    url = scrapy.Field()
    title = scrapy.Field()
    company = scrapy.Field()
    location = scrapy.Field()
    country = scrapy.Field()
    work_mode = scrapy.Field()          # remote | hybrid | onsite, only when the source says so
    department = scrapy.Field()
    employment_type = scrapy.Field()
    date_posted = scrapy.Field()        # ISO 8601 date
    valid_through = scrapy.Field()
    salary_min = scrapy.Field()         # only when the source gives pay as structured data
    salary_max = scrapy.Field()
    salary_currency = scrapy.Field()
    salary_period = scrapy.Field()      # year | month | week | day | hour
    description_html = scrapy.Field()
    description_text = scrapy.Field()
    raw = scrapy.Field()                # the source's own record, for re-parsing later


def posting_id(source: str, board: str, external_id) -> str:
    return f"{source}:{board}:{external_id}"
