"""Stage 4, attribution patterns: each module is one shape of attribution.

A pattern takes a sentence and a cue found in it and returns a
:class:`~factdb.extract.structures.RawClaim` or None. They share the phrase
finders of :mod:`factdb.extract.subjects` and the content bounds of
:mod:`factdb.extract.content`; what differs between languages is in the lexicons.
"""
from .according_to import AccordingTo
from .colon import SpeakerColon
from .document import DocumentSource
from .passive import Passive
from .postposed import Postposed
from .preposed import Preposed
from .sequences import SequencePatterns

__all__ = ["AccordingTo", "DocumentSource", "Passive", "Postposed", "Preposed", "SequencePatterns", "SpeakerColon"]
