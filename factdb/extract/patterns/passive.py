"""Pattern: the passive, ``CONTENT dibantah oleh SPEAKER``."""
from __future__ import annotations

from ..structures import RawClaim


class Passive:
    """A cue in the passive with its agent."""

    def passive(self, sent, i, j, cue) -> RawClaim | None:
        toks = sent.tokens
        a = j
        if a < len(toks) and toks[a].lower in self.lex.addressee_markers:
            return None  # "akan disampaikan kepada jajaran ...": to whom, not by whom
        if a < len(toks) and toks[a].lower in self.lex.passive_agents:
            a += 1
        rng = self.np_right(toks, a)
        if not rng:
            return None
        # "disampaikan pengamat dari Universitas X, Joko Prasetyo": the named person
        speakers, after = self._with_appositive(toks, rng, self.speakers_of(toks, rng))
        content = [t for t in toks[:i] if t.is_word]
        pointer = [t for t in toks[max((k for k in range(i) if toks[k].text == ","), default=-1) + 1:i] if t.is_word]
        if (len(pointer) <= 2 and pointer and pointer[-1].lower in self.lex.demonstratives
                and pointer[0].lower not in self.lex.reference_nouns):
            # "Hal ini disampaikan X", "Demikian disampaikan X": the content is the sentence
            # before, when it has no claim of its own (but "Tudingan itu dibantah oleh X"
            # denies the claim it points to)
            told = self.unclaimed
            if told is None or told.paragraph < sent.paragraph - 1 or self.in_quote(told.start) or (
                    len(pointer) == 2 and pointer[0].lower not in self.lex.told_nouns):
                return None  # ("Bantuan serupa disampaikan X": a thing handed over)
            return self._claim(sent, speakers, cue, i, j, told.start, told.end)
        if all(t.lower in self.lex.sentence_openers or t.lower in self.lex.relativizers
               or t.lower in self.lex.stopwords for t in content):
            # "Seperti yang ditegaskan X, CONTENT", "Diakui X, CONTENT": the content follows the agent
            a = after
            while a < len(toks) and toks[a].text in ",:":
                a += 1
            if a >= len(toks) or not any(t.is_word for t in toks[a:]) or toks[a].lower in self.lex.speaker_conjunctions:
                return None  # (", dan pengajar Y, ...": more agents, no content)
            return self._claim(sent, speakers, cue, i, j, toks[a].start, sent.end)
        if toks[i - 1].text == "," and after + 1 < len(toks) and toks[after].text == "," \
                and any(t.is_word for t in toks[after + 1:]):
            # "Stok beras, diakui X, mulai menipis": the content runs on around the cue
            return self._claim(sent, speakers, cue, i, j, sent.start, sent.end)
        return self._claim(sent, speakers, cue, i, j, sent.start, toks[i - 1].end)
