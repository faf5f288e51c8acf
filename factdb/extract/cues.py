"""Stage 3, cues: the reporting words of a sentence (lexicon ``cues``) and what vetoes them."""
from __future__ import annotations

from itertools import compress
from operator import attrgetter

from .lexicon import phrase_at
from .segment import Token
from .structures import CueMatch

_LOWER = attrgetter("lower")


class CueFinder:
    """Finds the cues of a sentence's tokens."""

    def find_cues(self, toks: tuple[Token, ...]) -> list[CueMatch]:
        found = []
        i = 0  # (a cue's tokens are not looked at again)
        for start in self._cue_candidates(toks):
            if start < i:
                continue
            hit = self._cue_at(toks, start)
            if hit is None:
                continue
            if self._inside_name(toks, start) or self._vetoed(toks, hit[0], hit[1], hit[2]):
                # a capitalized cue inside a title or name ("Lomba Pidato
                # Menyampaikan Gagasan") is not a cue; nor is a noun ("his latest tweet")
                # or another sense ("showed up") that a word next to it shows
                i = hit[1]
                continue
            c0 = self._catenative_start(toks, hit[0])
            if c0 < hit[0]:
                # "went on to say": the cue starts at the verb before "to"
                found = [f for f in found if f[1] <= c0]
                hit = CueMatch(c0, hit.end, hit.cue)
            found.append(hit)
            i = hit[1]
        return found

    def _cue_candidates(self, toks) -> list[int]:
        """The tokens a cue may start at: a cue's first word, or a word with the object
        suffix (a filter over all tokens at once, as most words are neither)."""
        heads, suffix = self.lex.cue_heads, self.lex.pronoun_suffix
        if suffix:
            return [k for k, low in enumerate(map(_LOWER, toks)) if low in heads or low.endswith(suffix)]
        return list(compress(range(len(toks)), map(heads.__contains__, map(_LOWER, toks))))

    def _cue_at(self, toks, i: int) -> CueMatch | None:
        """The longest cue starting at token ``i``, or a verb cue with the object suffix."""
        low = toks[i].lower
        for n in self.lex.cue_lengths.get(low, ()):  # (longest first)
            if n <= len(toks) - i:
                cue = self.lex.cues.get(tuple(map(_LOWER, toks[i:i + n])))
                if cue:
                    return CueMatch(i, i + n, cue)
        suffix = self.lex.pronoun_suffix
        if suffix and low.endswith(suffix):
            return self._clitic_cue(toks, i)
        return None

    def _catenative_start(self, toks, i: int) -> int:
        """Start of a verb phrase like "went on to" ending right before the cue at ``i``
        (lexicon ``catenatives``), or ``i``."""
        if i < 2 or toks[i - 1].lower not in self.lex.infinitive_markers:
            return i
        for n in range(min(3, i - 1), 0, -1):
            if tuple(t.lower for t in toks[i - 1 - n:i - 1]) in self.lex.catenatives:
                return i - 1 - n
        return i

    def _vetoed(self, toks, i: int, j: int, cue) -> bool:
        """Whether a word next to the cue makes it another word or sense (lexicon ``cue_vetoes``)."""
        after = self.lex.cue_vetoes_after.get(cue.words)
        k = j
        while k < len(toks) and self.lex.adverb_suffixes and toks[k].lower.endswith(self.lex.adverb_suffixes):
            k += 1  # "reported daily to the board": a manner adverb between the cue and the word
        if after and phrase_at([t.lower for t in toks[k:k + 6]], after):
            return True
        before = self.lex.cue_vetoes_before.get(cue.words)
        return bool(before) and any(tuple(t.lower for t in toks[i - n:i]) in before for n in range(1, min(i, 3) + 1))

    def _clitic_cue(self, toks, i: int):
        """A verb cue with the object suffix ("menyebutnya" = "menyebut" + "-nya")."""
        suffix = self.lex.pronoun_suffix
        word = toks[i].lower
        if suffix and word.endswith(suffix) and len(word) > len(suffix) + 3:
            cue = self.lex.cues.get((word[:-len(suffix)],))
            if cue and cue.kind == "verb":
                return CueMatch(i, i + 1, cue)
        return None

    @staticmethod
    def _inside_name(toks, i: int) -> bool:
        tok = toks[i]
        return i > 0 and tok.text[0].isupper() and toks[i - 1].is_word and toks[i - 1].text[0].isupper()

    def negated(self, toks, i: int) -> bool:
        k = i - 1
        suffixes = self.lex.adverb_suffixes
        while k >= 0 and (toks[k].lower in self.lex.adverbs or suffixes and toks[k].is_word and not toks[k].is_capitalized
                          and len(toks[k].lower) > 4 and toks[k].lower.endswith(suffixes)):
            k -= 1  # "did not entirely agree"
        return k >= 0 and toks[k].lower in self.lex.negations
