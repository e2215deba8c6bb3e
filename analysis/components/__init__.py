"""One registered spaCy factory per concern; importing this package registers them all."""
