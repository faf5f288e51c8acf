"""Stage 4, attribution: each cue of a sentence through its pattern.

The patterns, one module each in :mod:`factdb.extract.patterns`, in the order a
reader meets them:

* preposed (``patterns/preposed.py``) ``SPEAKER [adverbs] CUE [,] [bahwa|agar] CONTENT``
  ("Putin mengatakan, hubungan ...", "Ukraina dan Eropa menuduh Beijing ...");
  an act coordinated with ``dan`` shares the speaker ("... dan berjanji untuk ...");
  a participle takes the sentence's subject ("X vetoed it, saying ...");
* postposed (``patterns/postposed.py``) ``"CONTENT," CUE SPEAKER`` or
  ``CONTENT, CUE SPEAKER`` ('"...," kata Ketua Dewan Kota X', '"...," ujarnya'),
  and the parenthetical ``A, CUE SPEAKER, B`` (content A ... B);
* according to (``patterns/according_to.py``) ``menurut SPEAKER, CONTENT`` /
  ``CONTENT, menurut SPEAKER``;
* passive (``patterns/passive.py``) ``CONTENT dibantah oleh SPEAKER``;
* document as source (``patterns/document.py``) ``In a new poll, CONTENT``;
* colon (``patterns/colon.py``) ``NAME: "QUOTE"`` and ``X continued:`` + quote;
* data (``patterns/sequences.py``) sequences of word classes written in the
  lexicon's ``sequences`` ("was accused by X of Y"), tried before the others.

Which pattern a cue runs is its ``kind`` in the lexicon (:meth:`run_pattern`).
Finding the speaker phrase itself is :mod:`factdb.extract.subjects`' job
(:class:`SpeakerPhrases`); content bounds are :mod:`factdb.extract.content`'s;
cues are :mod:`factdb.extract.cues`'. A negated cue is dropped unless the
lexicon turns its stance into another ("tidak menampik" confirms).
"""
from __future__ import annotations

from dataclasses import replace

from .content import ContentSpans
from .cues import CueFinder
from .lexicon import Cue, Lexicon
from .patterns import AccordingTo, DocumentSource, Passive, Postposed, Preposed, SequencePatterns, SpeakerColon
from .segment import QUOTE_CHARS, Sentence, Span
from .speakers import GROUP, PERSON, Entities, SpeakerRef
from .structures import OBJECT_STANCES, CueMatch, RawClaim
from .subjects import SpeakerPhrases

__all__ = ["OBJECT_STANCES", "CueMatch", "RawClaim", "SentenceAttributor"]


class SentenceAttributor(SequencePatterns, Preposed, Postposed, AccordingTo, Passive, DocumentSource, SpeakerColon,
                         ContentSpans, CueFinder, SpeakerPhrases):
    """Finds the claims of one sentence; keeps nothing between sentences but
    what :class:`Entities` remembers."""

    def __init__(self, text: str, lex: Lexicon, entities: Entities, quotes: list[Span]):
        self.text = text
        self.lex = lex
        self.entities = entities
        self.quotes = quotes
        # a cue that ended its sentence with a colon: 'The senator continued:' + the quote that follows
        self.pending: tuple | None = None
        self.unclaimed: Sentence | None = None  # the sentence before, when it had no claim

    def attribute(self, sent: Sentence) -> list[RawClaim]:
        """The claims of one sentence: each cue through its pattern, then a document as
        the source, then a speaker before a colon when nothing else spoke."""
        claims = self._attribute(sent)
        # (a sentence with no claim may be what the next one attributes: "Hal ini disampaikan X.")
        self.unclaimed = None if claims else sent
        return claims

    def _attribute(self, sent: Sentence) -> list[RawClaim]:
        pending, self.pending = self.pending, None
        if pending:
            made = self.quote_after_colon(sent, pending)
            if made:
                return [made]
        toks = sent.tokens
        cues = [c for c in self.find_cues(toks) if not self.in_quote(toks[c.start].start)]
        claims: list[RawClaim] = []
        used: set[int] = set()  # the cues a data pattern took
        for claim, cue_at, owned in self.sequence_claims(sent, cues) if self.lex.sequences else ():
            if owned:
                claims.append(claim)  # "Roe's claim that ...": Roe is named, not the one speaking now
                for r in claim.speakers:
                    self.entities.remember(r)
            else:
                self._keep(claim, claims, toks, cue_at)
            used.add(cue_at)
        for idx, (i, j, cue) in enumerate(cues):
            cue = None if i in used else self._live_cue(toks, i, j, cue)
            if cue is None or self._circumstance(toks, i, cues[idx + 1:]):
                continue
            # (a verb that reports speech only after a quote bounds no content: "the talks, which began ...")
            next_cue = next((c.start for c in cues[idx + 1:] if c.cue.words not in self.lex.after_quote_cues
                             and c.cue.kind != "noun"), len(toks))
            made = self.run_pattern(sent, i, j, cue, next_cue, claims)
            if made and self._accepted(made, claims, toks, i, cue):
                self._keep(made, claims, toks, i)
        if self.lex.document_prepositions:
            made = self.document_frame(sent)
            # (but "In a report, the agency said ...": the agency speaks; voters polled do not)
            if made and not any(c.start <= made.cue_start < c.end or c.cue_start > made.start
                                and any(r.kind != GROUP for r in c.speakers) for c in claims):
                claims.insert(0, made)
        if used:
            self._in_place(claims)
        self._close_inner_acts(claims)
        if self.lex.speaker_colon and not claims:
            made = self.speaker_colon(sent)
            if made:
                claims.append(made)
                self.entities.spoke(made.speakers)
        return claims

    def _live_cue(self, toks, i: int, j: int, cue: Cue) -> Cue | None:
        """The cue with its stance, or None when it reports nothing here: negated with no
        stance to turn into, part of a name, or a catenative verb ("continues to lead")."""
        if self.negated(toks, i):
            flipped = self.lex.negated_stances.get(cue.stance)
            if not flipped:
                return None
            cue = Cue(cue.words, flipped, cue.kind)
        if i > 0 and toks[i - 1].lower in self.lex.modals:
            return None  # "bisa melanjutkan tahapan pilkada": an ability, not a report
        if cue.words in self.lex.clause_cues and j < len(toks) and not (
                toks[j].text in ",:" or toks[j].text in QUOTE_CHARS or toks[j].lower in self.lex.complementizers
                and toks[j].lower not in self.lex.infinitive_markers):
            return None  # "Bank itu melanjutkan penerapan sistem ...", "sepakat untuk ...": an act, not a report
        if i > 0 and toks[i].is_capitalized and toks[i - 1].is_word and toks[i - 1].is_capitalized:
            return None  # part of a name ("the United States"), not a verb
        if j < len(toks) and cue.words in self.lex.catenatives and toks[j].lower in self.lex.infinitive_markers:
            return None  # "continues to lead the field"
        k = j + 1 if j < len(toks) and toks[j].text == "," else j
        if cue.stance == "asserts" and k < len(toks) and toks[k].lower in self.lex.stance_openers:
            # "menekankan agar kaum muda ...": a request; "menyatakan siap ...": a pledge
            return Cue(cue.words, self.lex.stance_openers[toks[k].lower], cue.kind)
        return cue

    def _circumstance(self, toks, i: int, later) -> bool:
        """"X, saat menyampaikan pendapat di sidang, menyatakan, ...": a cue right after a
        subordinator, with a cue of its own clause after a comma, is when the speaker
        spoke, not what they said."""
        k = self._skip_adverbs_left(toks, i)
        if not (k > 0 and not toks[k - 1].is_capitalized and (
                toks[k - 1].lower in self.lex.event_subordinators or toks[k - 1].lower in self.lex.adjunct_prepositions)
                and k - 2 >= 0 and toks[k - 2].text == ","):
            return False
        return any(t.text == "," for c in later for t in toks[i:c.start])

    def run_pattern(self, sent, i: int, j: int, cue: Cue, next_cue: int, claims: list[RawClaim]) -> RawClaim | None:
        """The pattern the cue's kind (lexicon ``cues``) names; a verb tries the preposed
        pattern, then the postposed one when the lexicon says it may follow its content."""
        if cue.kind == "postposed" and i == 0 and sent.tokens[i].is_capitalized and cue.words in self.lex.opening_postposed:
            return self.according_to(sent, i, j, cue, next_cue)  # "Kata Budi, CONTENT": like "menurut"
        if cue.kind == "postposed":
            return self.postposed(sent, i, j, cue)
        if cue.kind == "according_to":
            return self.according_to(sent, i, j, cue, next_cue)
        if cue.kind == "passive":
            return self.passive(sent, i, j, cue)
        if cue.kind == "noun":
            return None  # a noun ("Roe's claim that ...") reports only through a data pattern
        made = self.preposed(sent, i, j, cue, next_cue, claims)
        if made is None and cue.words in self.lex.postposed_verbs:
            made = self.postposed(sent, i, j, cue)  # '"...," said X': a verb that may also come before its speaker
        return made

    def _accepted(self, made: RawClaim, claims: list[RawClaim], toks, i: int, cue: Cue) -> bool:
        """Whether a pattern's claim stands: not a repeat, not "nobody", not a cue that
        reports speech only after a quote without one, not a statement as a speaker."""
        if self._repeats(made, claims, toks, i):
            return False
        if any(r.name.casefold() in self.lex.negative_pronouns or r.via in self.lex.writer_pronouns
               or r.name.casefold() in self.lex.abstract_nouns for r in made.speakers):
            return False  # "Nobody opposed him"; the writer's "Kita pun berharap ..."; "Upaya mengajak ..."
        if cue.words in self.lex.after_quote_cues and not any(
                q.start <= made.start and made.end <= q.end <= toks[i].start for q in self.quotes):
            return False  # "went on", "pressed" report speech only after a quote: '"...?" X pressed.'
        if cue.words in self.lex.participles and any(r.name.casefold() in self.lex.non_speakers for r in made.speakers):
            return False  # "issued a statement calling for ...": the statement is not who spoke
        if not self.lex.reports_in_complements and made.start > toks[i].start and any(
                c.start <= toks[i].start < c.end and self._after_complementizer(c.start) for c in claims):
            return False  # "X said that Republicans rejected ...": what X said, not a claim of its own
        return True

    def _after_complementizer(self, start: int) -> bool:
        """Whether a content opens right after "that" ("said that ...")."""
        before = self.text[max(0, start - 20):start].split()
        return bool(before) and before[-1].casefold() in self.lex.complementizers

    def _keep(self, made: RawClaim, claims: list[RawClaim], toks, i: int) -> None:
        """Add a claim, resolving a cataphoric pronoun, and tell the entities who spoke."""
        if len(made.speakers) == 1 and made.speakers[0].via in self.lex.person_pronouns:
            made.speakers = self._cataphor(toks, i, made.speakers)
        nested = any(c.start <= toks[i].start < c.end for c in claims) or self._embedded_relative(toks, i) \
            or self._under_pronoun(toks, i, made) or toks[0].lower in self.lex.argument_connectives
        claims.append(made)
        if nested:
            # "X said the vote leaves Y claiming ...": Y is inside X's words, and
            # the next "he" still means X
            for r in made.speakers:
                self.entities.remember(r)
        else:
            self.entities.spoke(made.speakers)

    @staticmethod
    def _in_place(claims: list[RawClaim]) -> None:
        """Claims in the order of their cues, a claim cited inside another's content just
        before it ("The mayor rejected Roe's claim that ...": Roe's claim, then the rejection)."""
        def place(c: RawClaim) -> float:
            host = next((h for h in claims if h is not c and h.start <= c.cue_start < h.end), None)
            return host.cue_start - 0.5 if host else c.cue_start
        claims[:] = [c for _, _, c in sorted((place(c), n, c) for n, c in enumerate(claims))]

    def _close_inner_acts(self, claims: list[RawClaim]) -> None:
        """"He agreed to sell it in 2010, records show.": the inner act ends where the
        outer content does, before its speaker and cue."""
        for outer in claims:
            if outer.end <= outer.cue_start:
                for inner in claims:
                    if inner is not outer and inner.start < outer.end < inner.end and outer.start <= inner.cue_start < outer.end:
                        inner.start, inner.end = self.trim(inner.start, outer.end)

    def _under_pronoun(self, toks, i: int, made: RawClaim) -> bool:
        """Whether a claim stands in the clause of a pronoun's verb ("Karena itu, ia
        menjamin Dinas X siap ..."): the body is inside the words of the person the
        pronoun means, who stays the one a later "-nya" refers to."""
        if any(r.via for r in made.speakers):
            return False
        for p in range(max(0, i - 8), i - 2):
            if toks[p].lower in self.lex.person_pronouns and not toks[p + 1].is_capitalized and toks[p + 1].is_word \
                    and (p == 0 or toks[p - 1].text == ",") and not self.in_quote(toks[p].start):
                return True
        return False

    def _repeats(self, made: RawClaim, claims: list[RawClaim], toks, i: int) -> bool:
        """Whether an earlier claim of the same speakers already holds this content:
        the same words under a second cue ('"...," she noted, and said ...'), or a
        report of a pronoun inside it ("X said he thinks Y")."""
        k = i
        while k > 0 and toks[k - 1].lower in self.lex.adverbs:
            k -= 1
        by_pronoun = k > 0 and (toks[k - 1].lower in self.lex.person_pronouns or toks[k - 1].lower in self.lex.group_pronouns)
        names = [r.name for r in made.speakers]
        for c in claims:
            if [r.name for r in c.speakers] != names or not (c.start <= made.start and made.end <= c.end):
                continue
            if by_pronoun or (made.end - made.start) * 5 >= (c.end - c.start) * 4:
                return True
        return False

    def _claim(self, sent, speakers, cue, i, j, start, end) -> RawClaim | None:
        start, end = self.trim(start, end)
        if end <= start or not speakers:
            return None
        if len(speakers) == 1 and speakers[0].via in self.lex.person_pronouns \
                and self._named_in(speakers[0].name, start, end):
            # '"Jane should do what she wants," he said.': whoever "he" is, not Jane
            speakers = self.entities.pronoun(speakers[0].via, exclude=frozenset({speakers[0].name}))
            if not speakers:
                return None
        cue_text = self.text[sent.tokens[i].start:sent.tokens[j - 1].end]
        return RawClaim(speakers, cue.stance, cue_text, start, end, sent.start, sent.end,
                        sent.paragraph, sent.tokens[i].start)

    def _cataphor(self, toks, i: int, speakers: list[SpeakerRef]) -> list[SpeakerRef]:
        """"In what he called a rant, Jane Roe ...": a pronoun in an opening adverbial
        clause means the named person who is the subject after it."""
        comma = next((k for k, t in enumerate(toks) if t.text == "," and (
            not self.in_quote(t.start) or k + 1 < len(toks) and toks[k + 1].text in QUOTE_CHARS)), None)
        if comma is not None and self.in_quote(toks[comma].start):
            comma += 1  # 'a "rant," X ...': the comma inside the closing quote
        opener = toks[0].lower
        if comma is None or comma <= i or comma + 1 >= len(toks) or not toks[comma + 1].is_capitalized \
                or self.in_quote(toks[comma + 1].start) or not (
                    opener in self.lex.subordinators or opener in self.lex.np_prepositions
                    or opener in self.lex.participle_prepositions):
            return speakers  # ("But he added, ...": the pronoun is the subject)
        rng = self.np_right(toks, comma + 1)
        if not rng or rng[1] >= len(toks) or not toks[rng[1]].is_word or toks[rng[1]].is_capitalized:
            return speakers  # the subject is followed by its verb
        refs = self.speakers_of(toks, rng)
        if len(refs) != 1 or refs[0].kind != PERSON or not refs[0].name.split()[-1][:1].isupper() \
                or refs[0].name == speakers[0].name:
            return speakers
        word = speakers[0].via
        gender = next((g for g, words in self.lex.gendered_pronouns.items() if word in words), None)
        if gender and self.entities.genders.get(refs[0].name, gender) != gender:
            return speakers
        return [replace(refs[0], via=word)]

    def _embedded_relative(self, toks, i: int) -> bool:
        """A cue in a relative clause on someone inside a complement clause ("asked whether
        X, who has called it a hoax, could win, Y demurred"): an aside, not the focus."""
        k = i
        while k > 0 and (toks[k - 1].lower in self.lex.finite_verbs or toks[k - 1].lower in self.lex.adverbs):
            k -= 1
        if k < 2 or toks[k - 1].lower not in self.lex.relative_pronouns or toks[k - 2].text != ",":
            return False
        return any(t.lower in self.lex.complementizers for t in toks[:k - 1])
