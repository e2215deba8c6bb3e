"""amscout's Scrapy project: spiders that collect account-manager postings into SQLite."""
