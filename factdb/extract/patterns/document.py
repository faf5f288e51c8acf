"""Pattern: a document as the source, ``In a new poll, CONTENT`` / ``CONTENT in a new poll``."""
from __future__ import annotations

from ..lexicon import Cue
from ..speakers import DOCUMENT, SpeakerRef
from ..structures import RawClaim


class DocumentSource:
    """A poll, report or study that says what the sentence says."""

    def document_frame(self, sent) -> RawClaim | None:
        """"In a new county poll, most farmers backed the levy.": the poll's claim, the
        words after the comma its content."""
        toks = sent.tokens
        lex = self.lex
        a = self._after_dateline(toks)
        if a >= len(toks) or toks[a].lower not in lex.document_prepositions or self.in_quote(toks[a].start):
            return self.closing_document(sent)
        comma = next((k for k in range(a + 1, min(len(toks), a + 16)) if not toks[k].is_word
                      and not self._abbrev_period(toks, k)), None)
        if comma is None or toks[comma].text != "," or not any(t.is_word for t in toks[comma + 1:]):
            return None
        start = a + 1
        while start < comma and toks[start].lower in lex.determiners:
            if toks[start].lower in lex.possessive_determiners:
                return None  # "In her report, the auditor ...": the report of the one who speaks
            start += 1
        if start >= comma or self._head_noun(toks, (start, comma)).lower not in lex.document_nouns:
            return None
        if any(self._verb_cue(t) for t in toks[start:comma]):
            return None
        name = " ".join(self.text[toks[start].start:toks[comma - 1].end].split())
        cue = Cue((toks[a].lower,), "asserts", "document")
        b = self.cut_trailing_adjunct(toks, comma + 1, len(toks))
        end = toks[b - 1].end if b < len(toks) else sent.end
        return self._claim(sent, [SpeakerRef(name, name, DOCUMENT)], cue, a, a + 1, toks[comma + 1].start, end)

    def closing_document(self, sent) -> RawClaim | None:
        """"Most farmers backed the levy in a new county poll.": the poll's claim, the words
        before it its content."""
        toks = sent.tokens
        lex = self.lex
        if lex.document_prepositions.isdisjoint(sent.words):
            return None  # (no word of the sentence can open the closing phrase)
        end = len(toks)
        while end > 0 and (toks[end - 1].text in ".!?" and not self._abbrev_period(toks, end - 1)):
            end -= 1
        p = next((k for k in range(end - 2, max(0, end - 14), -1) if toks[k].lower in lex.document_prepositions
                  and toks[k + 1].lower in lex.determiners and toks[k + 1].lower not in lex.possessive_determiners), None)
        if p is None or p < 3 or self.in_quote(toks[p].start) or any(
                not t.is_word and not self._abbrev_period(toks, m) and t.text not in "-/"
                for m, t in enumerate(toks[p + 2:end], p + 2)):
            return None
        if self._head_noun(toks, (p + 2, end)).lower not in lex.closing_document_nouns or toks[end - 1].text[0].isdigit() \
                or self._participle(toks[end - 1]):
            return None  # ("voters in the survey approved": the verb of the sentence)
        if any(self._verb_cue(t) for t in toks[:end]):
            return None  # "X said Y in a poll": the one who said it speaks
        name = " ".join(self.text[toks[p + 2].start:toks[end - 1].end].split())
        cue = Cue((toks[p].lower,), "asserts", "document")
        return self._claim(sent, [SpeakerRef(name, name, DOCUMENT)], cue, p, p + 1, sent.start, toks[p - 1].end)

    def _verb_cue(self, tok) -> bool:
        """A word that is a cue by itself, not a noun that reports only in data patterns ("view")."""
        cue = self.lex.cues.get((tok.lower,))
        return cue is not None and cue.kind != "noun"
