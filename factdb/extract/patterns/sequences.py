"""Patterns written as data: a sequence of word classes from the lexicon's
``sequences`` (like spaCy's Matcher), matched left to right over a sentence.

A step is one of

* ``list: NAME``   a word of the lexicon list NAME (``passive_auxiliaries``, ``days`` ...);
* ``words: [...]`` one of these words;
* ``cue: KIND``    a cue of that kind (``verb``, ``noun``, ``postposed`` ..., or ``any``)
  starting here; it gives the claim its stance;
* ``slot: speaker`` a speaker phrase (a name, a role, a group);
* ``slot: owner``  a possessive naming the speaker ("Jane Roe's", "the senator's", "her");
* ``slot: content`` the rest of the clause, up to a trailing circumstance.

and may be ``optional: true``, or ``content: true`` (the words it matches are the
content: "a charge" in "..., a charge the agency rejected"). A journalist can add a
pattern to the lexicon with no code.
"""
from __future__ import annotations

from ..lexicon import SequencePattern
from ..segment import Token
from ..structures import CueMatch, RawClaim


class SequencePatterns:
    """Runs the lexicon's data patterns on a sentence."""

    def sequence_claims(self, sent, cues: list[CueMatch]) -> list[tuple[RawClaim, int, bool]]:
        """The claims the data patterns find, each with the token index of its cue and
        whether its speaker is only named as an owner ("Roe's claim that ...")."""
        made = []
        by_start = {c.start: c for c in cues}
        kinds = {c.cue.kind for c in cues} | {"any"}
        for pattern, (needed_words, needed_kinds, opens) in _plans(self.lex):
            # (cheap checks first: the cue kinds and the words a pattern requires, its first word)
            if not needed_kinds <= kinds or any(w.isdisjoint(sent.words) for w in needed_words):
                continue
            end, prior = -1, None  # a pattern may match again after its last match ("Roe's claim that X; her view that Y")
            for start in opens(sent.tokens, by_start):
                found = self._match_sequence(sent, pattern, start, by_start, prior) \
                    if sent.tokens[start].start >= end else None
                if found:
                    made.append(found)
                    end, prior = found[0].end, found[0].speakers
        return made

    def _match_sequence(self, sent, pattern: SequencePattern, start: int, by_start: dict[int, CueMatch], prior=None):
        toks = sent.tokens
        k, cue, speaker, content = start, None, None, None
        for step in pattern.steps:
            span = self._sequence_step(toks, step, k, by_start)
            if span is None:
                if step.optional:
                    continue
                return None
            if step.kind == "cue":
                cue = by_start[k]
            elif step.value in ("speaker", "owner"):
                speaker = (step.value, span)
            elif step.value == "content":
                content = span
            if step.content:
                content = (content[0] if content else span[0], span[1])
            k = span[1]
        if cue is None or speaker is None or content is None:
            return None
        # (the speakers are resolved only once the whole pattern matched: resolving has effects)
        speakers = self.speakers_of(toks, speaker[1]) if speaker[0] == "speaker" else self._owner(toks, speaker[1][0], prior)
        claim = self._claim(sent, speakers, cue.cue, cue.start, cue.end, toks[content[0]].start,
                            toks[content[1] - 1].end if content[1] < len(toks) else sent.end)
        owned = any(step.kind == "slot" and step.value == "owner" for step in pattern.steps)
        return (claim, cue.start, owned) if claim else None

    def _sequence_step(self, toks, step, k: int, by_start: dict[int, CueMatch]) -> tuple[int, int] | None:
        """The tokens ``step`` matches at ``k`` (a speaker without its article), or None."""
        if k >= len(toks):
            return None
        if step.kind == "list":
            return (k, k + 1) if toks[k].lower in getattr(self.lex, step.value) else None
        if step.kind == "words":
            return (k, k + 1) if toks[k].lower in step.value else None
        if step.kind == "cue":
            match = by_start.get(k)
            return (k, match.end) if match and step.value in (match.cue.kind, "any") else None
        if step.value == "owner":
            return (k, k + 1) if self._possessive(toks[k]) or toks[k].lower in self.lex.possessive_pronouns else None
        if step.value == "speaker":
            rng = self.np_right(toks, k)
            return rng if rng and all(t.lower in self.lex.determiners for t in toks[k:rng[0]]) else None
        if step.value == "content":
            end = self._clause_end(toks, k, self.cut_trailing_adjunct(toks, k, len(toks)))
            return (k, end) if any(t.is_word for t in toks[k:end]) else None
        raise ValueError(f"unknown step {step}")

    def _possessive(self, tok) -> str | None:
        """The possessive suffix a word ends with ("Roe's"; not "he's"), or None."""
        suffix = next((x for x in self.lex.possessive_suffixes
                       if tok.lower.endswith(x) and len(tok.lower) > len(x) + 1), None)
        return None if suffix is None or self._pronoun(Token(tok.text[:-len(suffix)], 0, 0)) else suffix

    def _clause_end(self, toks, a: int, b: int) -> int:
        """A semicolon or a dash outside a quote ends the content of a pattern
        ("Roe's claim that X; her criticism of Y")."""
        return next((m for m in range(a + 1, b) if (toks[m].text in ";—–" or toks[m].text == "-" and toks[m].start > toks[m - 1].end)
                     and not self.in_quote(toks[m].start)), b)

    def _owner(self, toks, k: int, prior=None):
        """The speakers a possessive at ``k`` names ("Jane Roe's", "the senator's"; "her" as "she",
        or as the owner of the last match in the sentence: "Roe's claim that X; her view that Y")."""
        tok = toks[k]
        pronoun = self.lex.possessive_pronouns.get(tok.lower)
        if pronoun and prior:
            return list(prior)
        if pronoun:
            return self.speakers_of(toks[:k] + (Token(pronoun, tok.start, tok.end),) + toks[k + 1:], (k, k + 1))
        suffix = self._possessive(toks[k])
        bare = Token(tok.text[:-len(suffix)], tok.start, tok.end - len(suffix))
        stripped = toks[:k] + (bare,) + toks[k + 1:]
        rng = self.np_left(stripped, k + 1, 0)
        return self.speakers_of(stripped, rng) if rng and rng[1] == k + 1 else []


_PLANS: dict[tuple[int, str], tuple] = {}
# the lexicon's patterns with their plans, under the lexicon's id (kept with the lexicon)
_ALL_PLANS: dict[int, tuple[object, list]] = {}


def _plans(lex) -> list[tuple[SequencePattern, tuple]]:
    """Each of the lexicon's patterns with its plan, listed once per lexicon."""
    held = _ALL_PLANS.get(id(lex))
    if held is None or held[0] is not lex:
        held = _ALL_PLANS[id(lex)] = (lex, [(p, _plan(p, lex)) for p in lex.sequences])
    return held[1]


def _plan(pattern: SequencePattern, lex) -> tuple:
    """What a pattern needs, worked out once: the word sets it requires, the cue kinds,
    and where in a sentence it may start (from its first step alone)."""
    key = (id(lex), pattern.name)
    if key not in _PLANS:
        steps = pattern.steps
        needed_words = [st.value for st in steps if st.kind == "words" and not st.optional]
        needed_kinds = {st.value for st in steps if st.kind == "cue"}
        first = steps[0]
        ws = first.value if first.kind == "words" else getattr(lex, first.value) if first.kind == "list" else None
        if first.optional:
            def opens(toks, cues):
                return range(len(toks))
        elif ws is not None:
            def opens(toks, cues):
                return [k for k, t in enumerate(toks) if t.lower in ws]
        elif first.kind == "cue":
            def opens(toks, cues):
                return sorted(cues)
        elif first.value == "owner":
            def opens(toks, cues, sx=lex.possessive_suffixes, pp=lex.possessive_pronouns):
                return [k for k, t in enumerate(toks) if sx and t.lower.endswith(sx) or t.lower in pp]
        else:
            def opens(toks, cues):
                return range(len(toks))
        _PLANS[key] = (needed_words, needed_kinds, opens)
    return _PLANS[key]
