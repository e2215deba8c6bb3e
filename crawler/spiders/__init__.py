"""One spider module per source; every spider yields ``crawler.items.Posting``."""
