"""The typed structures passed between the extractor's stages.

segmentation gives :class:`~factdb.extract.segment.Sentence` (tokens, quotes as
:class:`~factdb.extract.segment.Span`); the cue stage gives :class:`CueMatch`;
an attribution pattern turns a cue into a :class:`RawClaim`; the pipeline turns
raw claims into :class:`~factdb.extract.Claim` and relations.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import Cue
from .speakers import SpeakerRef

# what a unit of a pattern returns when it does not decide: the next unit is tried
GO_ON = object()

# stances whose content is an object ("praised the deal"), cut at its end
OBJECT_STANCES = {"praises", "criticizes", "denies"}


class CueMatch(NamedTuple):
    """A cue found in a sentence: tokens ``start:end`` match the lexicon's ``cue``."""
    start: int
    end: int
    cue: Cue


@dataclass
class RawClaim:
    """A claim as a pattern finds it: character offsets into the article text."""
    speakers: list[SpeakerRef]
    stance: str
    cue: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    paragraph: int
    cue_start: int


@dataclass(frozen=True)
class Claim:
    speakers: tuple[SpeakerRef, ...]
    stance: str
    cue: str
    text: str
    quote: str | None
    sentence: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    paragraph: int


@dataclass(frozen=True)
class Relation:
    source: int
    target: int
    type: str


@dataclass(frozen=True)
class Extraction:
    claims: tuple[Claim, ...]
    relations: tuple[Relation, ...]
