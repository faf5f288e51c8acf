"""Claim extraction: pure functions from an article's text to claims and relations.

Nothing here touches a database. The knowledge of each language lives in
``lexicons/<lang>.yml``; the code only knows the shapes of attribution.

    >>> from factdb.extract import extract_claims, load_lexicon
    >>> result = extract_claims("Putin mengatakan, hubungan itu penting.", load_lexicon("id"))
    >>> [(c.speakers[0].name, c.stance, c.text) for c in result.claims]
    [('Putin', 'asserts', 'hubungan itu penting')]
"""
from __future__ import annotations

from .lexicon import Lexicon, available_languages, load_lexicon
from .pipeline import extract_claims
from .speakers import SpeakerRef
from .structures import Claim, Extraction, Relation

__all__ = ["Claim", "Extraction", "Relation", "SpeakerRef", "extract_claims", "load_lexicon", "available_languages",
           "Lexicon"]
