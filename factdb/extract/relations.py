"""Relations between claims: a denial points to what it denies.

"Beijing membantah tuduhan tersebut" names no content of its own: the noun
("tuduhan", "laporan", "kabar") and a demonstrative ("tersebut", "itu") point
back to the last claim of a kind that noun can name, made by someone else.
A denial that repeats the words of an earlier accusation points to it too.
"""
from __future__ import annotations

from .lexicon import Lexicon

DENIES = "denies"


def _words(text: str) -> list[str]:
    return [w.strip(".,;:\"“”'()").casefold() for w in text.split()]


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_words(a)), set(_words(b))
    return len(wa & wb) / len(wa) if wa else 0.0


def find_relations(claims, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(from index, to index, type) for each relation among ``claims``
    (objects with .speakers, .stance and .text, in article order)."""
    out = []
    for i, claim in enumerate(claims):
        if claim.stance != DENIES:
            continue
        target = _referenced(claims, i, lex)
        if target is None:
            target = _repeated(claims, i)
        if target is not None:
            out.append((i, target, DENIES))
    return out


def _names(claim) -> set[str]:
    return {s.name for s in claim.speakers}


def _referenced(claims, i: int, lex: Lexicon) -> int | None:
    words = _words(claims[i].text)
    for k, w in enumerate(words):
        stances = lex.reference_nouns.get(w)
        if not stances:
            continue
        pointed = any(x in lex.demonstratives for x in words[k + 1:k + 3]) or len(words) <= 3
        if not pointed:
            continue
        for j in range(i - 1, -1, -1):
            if claims[j].stance in stances and not (_names(claims[j]) & _names(claims[i])):
                return j
    return None


def _repeated(claims, i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        c = claims[j]
        if c.stance == "accuses" and not (_names(c) & _names(claims[i])) and _overlap(c.text, claims[i].text) >= 0.6:
            return j
    return None
