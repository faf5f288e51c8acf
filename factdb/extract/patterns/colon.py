"""Patterns with a colon: ``NAME: "QUOTE"``, and ``X continued:`` before the quote that follows."""
from __future__ import annotations

from ..segment import QUOTE_CHARS
from ..speakers import DOCUMENT, INSTITUTION, PERSON
from ..structures import RawClaim


class SpeakerColon:
    """The name before a colon that opens a quote."""

    def quote_after_colon(self, sent, pending) -> RawClaim | None:
        """'The senator continued:' and the quote that opens the next sentence: the quote
        is the content of the cue left ``pending`` (when the quote has no cue of its own)."""
        toks = sent.tokens
        if not toks or toks[0].text not in QUOTE_CHARS:
            return None
        q = next((q for q in self.quotes if sent.start <= q.start <= sent.start + 2), None)
        if q and not self.find_cues([t for t in toks if not self.in_quote(t.start) and t.text not in QUOTE_CHARS]):
            speakers, cue, cue_text, cue_start = pending
            start, end = self.trim(q.start + 1, q.end - 1)
            if end > start:
                self.entities.spoke(speakers)
                return RawClaim(speakers, cue.stance, cue_text, start, end, sent.start, sent.end, sent.paragraph, cue_start)
        return None

    def speaker_colon(self, sent) -> RawClaim | None:
        """'NAME: "QUOTE"' (a digest of what people wrote: "- Jane Roe: “...”"): the
        name before a colon that opens a quote is its speaker."""
        toks = sent.tokens
        for k in range(1, len(toks) - 1):
            if toks[k].text != ":" or toks[k + 1].text not in QUOTE_CHARS or self.in_quote(toks[k].start):
                continue
            q = next((q for q in self.quotes if q.start == toks[k + 1].start), None)
            rng = self.np_left(toks, k, 0)
            if q is None or rng is None or rng[1] != k or rng[1] - rng[0] > 6 or not toks[rng[0]].is_capitalized:
                continue
            if rng[0] > 0 and toks[rng[0] - 1].text not in "-—–" and toks[rng[0] - 1].lower not in self.lex.np_prepositions:
                continue  # the name opens the line, follows a dash or "More from" ("later on CNN:" is no speaker)
            speakers = self.speakers_of(toks, rng)
            if not speakers or any(r.kind not in (PERSON, INSTITUTION, DOCUMENT) or r.name.casefold() in self.lex.sentence_openers
                                   for r in speakers):
                continue
            start, end = self.trim(q.start + 1, q.end - 1)
            if end <= start:
                continue
            return RawClaim(speakers, "asserts", ":", start, end, sent.start, max(sent.end, q.end), sent.paragraph,
                            toks[k].start)
        return None
