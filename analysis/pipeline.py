"""Builds amscout's spaCy pipeline: a blank English tokenizer plus one rule component per concern.

The components are registered factories (``analysis/components/``); importing this module
registers them. Results live on ``Doc`` extensions and ``analysis.extract`` turns them into the
extraction record. A statistical model is never required; ``model`` may name one to start from.
"""
from __future__ import annotations

import functools
import hashlib
import importlib
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from errors import AmscoutError

# Part of the pipeline version: a hash of the rule code itself, so that any change to a component
# makes `amscout extract` read the stored postings again.
_RULE_FILES = ("components/*.py", "text.py", "extract.py", "pipeline.py")

# (factory name, module that registers it), in pipeline order.
COMPONENTS = [
    ("amscout_sections", "analysis.components.sections"),
    ("amscout_taxonomy", "analysis.components.taxonomy_matcher"),
    ("amscout_experience", "analysis.components.experience"),
    ("amscout_degree", "analysis.components.degree"),
    ("amscout_salary", "analysis.components.salary"),
    ("amscout_work_mode", "analysis.components.work_mode"),
    ("amscout_role_seniority", "analysis.components.role_seniority"),
]

# Scraped postings often lose the line breaks between bullets ("environmentSFDC", "AWS.Expert",
# "Kafka)Load"): split there, so that the taxonomy's phrases match the words on either side.
# Closing brackets may come in a run after a name ending in a symbol ("C++))Next"). A word glued
# to a small figure that ends the chunk ("role2 years", "IdP2 years") or to "N-year" is the next
# bullet's years figure; names keep a figure only when all capitals ("EC2", "MP3"). So is a figure
# right after a word's full stop or colon ("skills.3+ years"; "v2.5" has a digit before the stop),
# and a word of five letters or more after an acronym ("PTOFlexible", as the blocks cut it).
GLUED_INFIXES = [r"(?<=[a-z])(?=[A-Z][a-z])", r"(?<=[a-z]{3})(?=[A-Z]{2})", r"(?<=[A-Z]{2})\.(?=[A-Z][a-z])",
                 r"(?<=[a-z)])\.(?=[A-Z])", r"(?<=[\w+#)\]])[)\]](?=[)\]]*[A-Z])",
                 r"(?<=[a-z])(?=\d{1,2}(?:\+?$|-year))", r"(?<=[a-z][A-Z])(?=\d{1,2}\+?$)",
                 r"(?<=[a-z]{2})[.:;](?=\d)", r"(?<=[A-Z]{2})(?=[A-Z][a-z]{4})"]

# Real postings repeat many distinct chunks; spaCy's default cache holds 10,000.
TOKENIZER_CACHE = 200_000
# Longer chunks (runs of text without a space) are rarely seen twice: not worth pre-caching.
_WARM_MAX_CHARS = 64


class CachingTokenizer:
    """spaCy's tokenizer with its chunk cache filled: the same tokens, tokenized mostly from the cache.

    spaCy caches the tokens of each whitespace-separated chunk, but once a special case ("you're",
    "and/or", "e.g.") has appeared in a text it saves no further chunk of that text (a per-text flag,
    spaCy issue #1250); most postings hold one early, so most of their chunks were split by the
    prefix / suffix / infix expressions again on every posting. Here each chunk not seen before is
    first tokenized on its own — exactly as inside the text, and cached unless it holds a special
    case itself — so the text then reads its chunks from the cache. Other attributes (``pipe``,
    ``rules``, ``explain``...) are the wrapped tokenizer's.
    """

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self._seen: set[str] = set()  # chunks tokenized on their own (cached, or holding a special case)

    def __call__(self, text: str):
        seen, tokenize = self._seen, self.tokenizer
        if len(seen) < TOKENIZER_CACHE:  # past that spaCy's cache is full and saves nothing more
            words = text.split()
            if not seen.issuperset(words):  # usually all seen: no set of the text's words to build
                for chunk in set(words).difference(seen):
                    if len(chunk) <= _WARM_MAX_CHARS:
                        tokenize(chunk)
                        seen.add(chunk)
        return tokenize(text)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


def _components() -> list[str]:
    """Import each component module (which registers its factory); names in pipeline order."""
    for _, module in COMPONENTS:
        importlib.import_module(module)
    return [name for name, _ in COMPONENTS]


def _taxonomy_version() -> str:
    taxonomy = importlib.import_module("analysis.taxonomy")
    return str(getattr(taxonomy, "TAXONOMY_VERSION", "0"))


@functools.lru_cache(maxsize=1)
def rules_version() -> str:
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for pattern in _RULE_FILES:
        for path in sorted(here.glob(pattern)):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def pipeline_version() -> str:
    """Rule-code hash + taxonomy version: changes whenever results may."""
    return f"r{rules_version()}-t{_taxonomy_version()}"


def build_nlp(model: str | None = None) -> Language:
    """spacy.blank("en") (or ``spacy.load(model)``) + amscout's components, in order."""
    if model:
        try:
            nlp = spacy.load(model, exclude=["ner", "lemmatizer", "textcat"])
        except OSError as exc:
            raise AmscoutError(f"cannot load spaCy model {model!r}: {str(exc).splitlines()[0]}") from None
    else:
        nlp = spacy.blank("en")
    nlp.tokenizer.infix_finditer = compile_infix_regex(list(nlp.Defaults.infixes) + GLUED_INFIXES).finditer
    try:
        nlp.tokenizer.max_cache_size = TOKENIZER_CACHE  # spaCy >= 3.7
    except AttributeError:
        pass
    nlp.tokenizer = CachingTokenizer(nlp.tokenizer)  # last: its settings are made on spaCy's tokenizer
    for name in _components():
        nlp.add_pipe(name)
    return nlp


def __getattr__(name):
    # PIPELINE_VERSION is computed when first asked for, so that it sees the taxonomy module.
    if name == "PIPELINE_VERSION":
        return pipeline_version()
    raise AttributeError(name)
