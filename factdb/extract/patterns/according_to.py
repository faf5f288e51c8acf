"""Pattern: ``menurut SPEAKER, CONTENT`` / ``CONTENT, according to SPEAKER``."""
from __future__ import annotations

from ..segment import QUOTE_CHARS
from ..structures import RawClaim


class AccordingTo:
    """A source introduced by a preposition."""

    def according_to(self, sent, i, j, cue, next_cue) -> RawClaim | None:
        """The source after "menurut"/"according to"; the content after it, or before it."""
        toks = sent.tokens
        found = self._according_to_source(toks, i, j)
        if not found or not found[0]:
            return None
        speakers, after = found
        a = after
        if i > 0 and (self._aside_follows(toks, a) or self._apposition_ends(toks, a)):
            a = len(toks)  # "CONTENT, according to X, who ...": the content came first
        while a < len(toks) and toks[a].text in ",:" or (a < len(toks) and toks[a].lower in self.lex.complementizers):
            a += 1
        rest_words = [t for t in toks[a:] if t.is_word and t.lower not in self.lex.adverbs]
        if rest_words:
            b = self.cut_trailing_adjunct(toks, a, len(toks))
            attributed = self.cut_quote_attribution(toks, a, b)
            end = toks[min(b, attributed) - 1].end if min(b, attributed) < len(toks) else sent.end
            if attributed == b:
                end = self._extend_into_quote(toks[a].start, end)
            start = toks[a].start
            if self._subject_before(toks, i) and after < len(toks) and toks[after].text == ",":
                start = sent.start  # "Dinas itu, menurut Rudi, sudah ...": the subject is the content's too
            return self._claim(sent, speakers, cue, i, j, start, end)
        if i > 0:
            # content first: '"...," menurutnya.'
            k = i - 1
            if toks[k].text == "," and k > 0:
                k -= 1
            q = self.quote_ending_at(toks[k].end) if toks[k].text in QUOTE_CHARS else None
            if q and q.start <= sent.start + 1:
                return self._claim(sent, speakers, cue, i, j, q.start + 1, q.end - 1)
            return self._claim(sent, speakers, cue, i, j, sent.start, toks[i - 1].end)
        return None

    def _subject_before(self, toks, i: int) -> bool:
        """Whether "menurut X" stands between commas after the subject of the content
        ("Dinas itu, menurut Rudi, ..."), not after an opening word ("Namun, menurut X, ...")."""
        if i < 2 or toks[i - 1].text != ",":
            return False
        words = [t for t in toks[:i - 1] if t.is_word]
        return bool(words) and len(words) <= 8 and not any(t.text in ",;:" or t.text in QUOTE_CHARS for t in toks[:i - 1]) \
            and not all(t.lower in self.lex.sentence_openers or t.lower in self.lex.adverbs
                        or t.lower in self.lex.stopwords for t in words)

    def _according_to_source(self, toks, i: int, j: int):
        """(speakers, token after the source) after "menurut"/"according to", or None."""
        word = toks[i].lower
        suffix = self.lex.pronoun_suffix
        if suffix and word.endswith(suffix) and word != suffix:
            return self.entities.pronoun(suffix), j
        described = self._described_referent(toks, j)
        if described:
            # "Menurut doktor hukum ... itu, CONTENT": a description of someone named before
            return described
        rng = self.np_right(toks, j)
        whole = self.source_phrase(toks, i, j) if self.lex.source_to_clause_end else None
        if whole and (not rng or whole[1] > rng[1]) and not (
                rng and rng[1] - rng[0] == 1 and whole[0] != rng[1] and self._pronoun(toks[rng[0]])):
            # ("according to her memoir": "her" is the memoir's, not the source)
            rng = whole  # "according to a police report", "... to two people familiar with the plan"
        if not rng:
            return None
        if self._own_reason(toks[max(j, rng[0] - 1):rng[1]]):
            return None  # "according to their preference": a measure, not a source
        return self._with_appositive(toks, rng, self.speakers_of(toks, rng))  # "Menurut kuasa hukum X, NAME, CONTENT"

    def _own_reason(self, words) -> bool:
        """A possessive and common nouns only, none a role or a body ("their instinct")."""
        words = words[1:] if words and words[0].lower not in self.lex.possessive_determiners else words
        return (bool(words) and words[0].lower in self.lex.possessive_determiners
                and not any(t.is_capitalized or t.lower in self.lex.title_words or t.lower in self.lex.document_nouns
                            or t.lower in self.lex.institution_tails for t in words[1:]))

    def _apposition_ends(self, toks, k: int) -> bool:
        """Whether ", the ... " at ``k`` is a phrase about the source that ends the sentence
        ("..., according to the Harlow Commission, the planning arm of the courts.")."""
        lex = self.lex
        if not (k + 2 < len(toks) and toks[k].text == "," and toks[k + 1].lower in lex.determiners
                and toks[k + 1].lower not in lex.possessive_determiners):
            return False
        return not any(t.text in ",;:" or t.lower in lex.finite_verbs or (t.lower,) in lex.cues
                       or t.text in QUOTE_CHARS for t in toks[k + 2:])

    def _aside_follows(self, toks, k: int) -> bool:
        """Whether ", who ..." or ", where ..." follows at ``k``: a clause about the source."""
        return (k + 1 < len(toks) and toks[k].text == ","
                and (toks[k + 1].lower in self.lex.relative_pronouns or toks[k + 1].lower in self.lex.subordinators))

    def source_phrase(self, toks, i: int, j: int) -> tuple[int, int] | None:
        """The whole source after "according to", up to the clause boundary, when the
        content stands on the other side of it."""
        start = j
        while start < len(toks) and toks[start].lower in self.lex.determiners:
            start += 1
        stop = start
        while stop < len(toks) and toks[stop].text not in ",;.!?" + "".join(QUOTE_CHARS) or (
                stop < len(toks) and self._abbrev_period(toks, stop)):
            stop += 1
        if stop == start or stop - start > 12:
            return None
        content_before = i > 0 and (not any(t.is_word for t in toks[stop:]) or self._aside_follows(toks, stop))
        content_after = i == 0 and stop < len(toks) and toks[stop].text == ","
        return (start, stop) if content_before or content_after else None
