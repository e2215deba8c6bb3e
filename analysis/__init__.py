"""amscout's analysis: the spaCy extraction pipeline, taxonomy, statistics and reports."""
