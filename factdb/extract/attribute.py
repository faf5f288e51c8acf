"""Attribution: find reporting cues in a sentence and build claims around them.

The patterns, in the order a reader meets them:

* preposed  ``SPEAKER [adverbs] CUE [,] [bahwa|agar] CONTENT``
  ("Putin mengatakan, hubungan ...", "Ukraina dan Eropa menuduh Beijing ...");
  an act coordinated with ``dan`` shares the speaker ("... dan berjanji untuk ...");
* content first ``"CONTENT," CUE SPEAKER`` or ``CONTENT, CUE SPEAKER``
  ('"...," kata Ketua Dewan Kota X', '"...," ujarnya');
* parenthetical ``A, CUE SPEAKER, B`` (content A ... B);
* according to ``menurut SPEAKER, CONTENT`` / ``CONTENT, menurut SPEAKER``;
* passive ``CONTENT dibantah oleh SPEAKER``;
* speaker last ``"CONTENT," SPEAKER CUE`` ('"...," he said').

Finding the speaker phrase itself is :mod:`factdb.extract.subjects`' job
(:class:`SpeakerPhrases`, the base of :class:`SentenceAttributor`): around the
speaker of a preposed cue it skips adverbs, negations,
times and comma-enclosed asides ("X, saat dihubungi, Senin, mengatakan"), a
circumstance ("X di Sukamaju, Rabu, mengatakan"), a relative clause ("X yang
juga hadir di ... berharap") or a first verb ("X bergeming dan mengatakan");
a role with a demonstrative ("Politikus itu mengatakan") points back to a
person. After a postposed cue a role may be followed by the name between
commas ('"...," kata Kepala Desa X, NAME, Senin'). A negated cue is dropped
unless the lexicon turns its stance into another ("tidak menampik" confirms).

Which words are cues, titles, pronouns and so on comes from the lexicon.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from .lexicon import Cue, Lexicon, phrase_at
from .segment import QUOTE_CHARS, Sentence, Span, Token, tokenize
from .speakers import DOCUMENT, GROUP, INSTITUTION, PERSON, Entities, SpeakerRef, is_acronym
from .subjects import SpeakerPhrases

OBJECT_STANCES = {"praises", "criticizes", "denies"}


@dataclass
class RawClaim:
    speakers: list[SpeakerRef]
    stance: str
    cue: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    paragraph: int
    cue_start: int


class SentenceAttributor(SpeakerPhrases):
    """Finds the claims of one sentence; keeps nothing between sentences but
    what :class:`Entities` remembers."""

    def __init__(self, text: str, lex: Lexicon, entities: Entities, quotes: list[Span]):
        self.text = text
        self.lex = lex
        self.entities = entities
        self.quotes = quotes
        # a cue that ended its sentence with a colon: 'The senator continued:' + the quote that follows
        self.pending: tuple | None = None

    # ---- cues ------------------------------------------------------------------
    def find_cues(self, toks: tuple[Token, ...]) -> list[tuple[int, int, Cue]]:
        found = []
        i = 0
        heads = self.lex.cue_heads
        while i < len(toks):
            hit = None
            for n in range(min(self.lex.max_cue_len, len(toks) - i), 0, -1) if toks[i].lower in heads else ():
                key = tuple(t.lower for t in toks[i:i + n])
                cue = self.lex.cues.get(key)
                if cue:
                    hit = (i, i + n, cue)
                    break
            if hit is None:
                hit = self._clitic_cue(toks, i)
            if hit and (self._inside_name(toks, i) or self._vetoed(toks, hit[0], hit[1], hit[2])):
                # a capitalized cue inside a title or name ("Lomba Pidato
                # Menyampaikan Gagasan") is not a cue; nor is a noun ("his latest tweet")
                # or another sense ("showed up") that a word next to it shows
                i = hit[1]
                continue
            if hit:
                c0 = self._catenative_start(toks, hit[0])
                if c0 < hit[0]:
                    # "went on to say": the cue starts at the verb before "to"
                    found = [f for f in found if f[1] <= c0]
                    hit = (c0, hit[1], hit[2])
                found.append(hit)
                i = hit[1]
            else:
                i += 1
        return found

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
                return (i, i + 1, cue)
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

    # ---- content spans -------------------------------------------------------
    def trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—–-"):
            end -= 1
        return start, end

    def cut_trailing_adjunct(self, toks, a: int, b: int) -> int:
        """Token index where a trailing ", dalam siaran ..." starts, or ``b``."""
        for k in range(a + 1, b - 1):
            if toks[k].text != ",":
                continue
            if self.in_quote(toks[k].start):
                continue
            words = [t.lower for t in toks[k + 1:b]]
            if words and words[0] in self.lex.relative_pronouns and self._aside_closes(toks, k + 1, b):
                continue  # "said the talks, which began in 2006, remained ...": an aside, and more
            for n in range(1, 4):
                if tuple(words[:n]) in self.lex.trailing_adjuncts:
                    return k
        return b

    def _aside_closes(self, toks, a: int, b: int) -> bool:
        """Whether a clause opened at ``a`` ends at a comma with more words after it."""
        for k in range(a + 1, b - 1):
            if toks[k].text == "," and not self.in_quote(toks[k].start):
                return sum(t.is_word for t in toks[k + 1:b]) >= 2 and toks[k + 1].is_word \
                    and toks[k + 1].lower not in self.lex.relative_pronouns
        return False

    def cut_object(self, toks, a: int, b: int) -> int:
        words = [t.lower for t in toks]
        comma_stops = (",",) in self.lex.object_stops
        for k in range(a + 1, b):
            if toks[k].text in ",;":
                digits = k + 1 < len(toks) and toks[k - 1].text.isdigit() and toks[k + 1].text.isdigit() and (
                    toks[k - 1].end == toks[k].start == toks[k + 1].start - 1)  # "2,500"
                if comma_stops and not self.in_quote(toks[k].start) and not digits:
                    return k  # "praised the deal, a first step ...": the object ends at the comma
                continue
            for n in range(1, 3):
                if tuple(words[k:k + n]) in self.lex.object_stops:
                    return k
        return b

    # ---- the patterns ------------------------------------------------------------
    def attribute(self, sent: Sentence) -> list[RawClaim]:
        toks = sent.tokens
        pending, self.pending = self.pending, None
        if pending and toks and toks[0].text in QUOTE_CHARS:
            q = next((q for q in self.quotes if sent.start <= q.start <= sent.start + 2), None)
            if q and not self.find_cues([t for t in toks if not self.in_quote(t.start) and t.text not in QUOTE_CHARS]):
                speakers, cue, cue_text, cue_start = pending
                start, end = self.trim(q.start + 1, q.end - 1)
                if end > start:
                    claim = RawClaim(speakers, cue.stance, cue_text, start, end, sent.start, sent.end, sent.paragraph, cue_start)
                    self.entities.spoke(speakers)
                    return [claim]
        cues = [c for c in self.find_cues(toks) if not self.in_quote(toks[c[0]].start)]
        claims: list[RawClaim] = []
        for idx, (i, j, cue) in enumerate(cues):
            if self.negated(toks, i):
                flipped = self.lex.negated_stances.get(cue.stance)
                if not flipped:
                    continue
                cue = Cue(cue.words, flipped, cue.kind)
            if i > 0 and toks[i].is_capitalized and toks[i - 1].is_word and toks[i - 1].is_capitalized:
                continue  # part of a name ("the United States"), not a verb
            if j < len(toks) and cue.words in self.lex.catenatives and toks[j].lower in self.lex.infinitive_markers:
                continue  # "continues to lead the field"

            # (a verb that reports speech only after a quote bounds no content: "the talks, which began ...")
            next_cue = next((c[0] for c in cues[idx + 1:] if c[2].words not in self.lex.after_quote_cues), len(toks))
            made = None
            if cue.kind == "postposed":
                made = self.postposed(sent, i, j, cue)
            elif cue.kind == "according_to":
                made = self.according_to(sent, i, j, cue, next_cue)
            elif cue.kind == "passive":
                made = self.passive(sent, i, j, cue)
            else:
                made = self.preposed(sent, i, j, cue, next_cue, claims)
                if made is None and cue.words in self.lex.postposed_verbs:
                    # '"...," said X': a verb that may also come before its speaker
                    made = self.postposed(sent, i, j, cue)
            if made and self._repeats(made, claims, toks, i):
                continue
            if made and any(r.name.casefold() in self.lex.negative_pronouns for r in made.speakers):
                continue  # "Nobody opposed him"
            if made and cue.words in self.lex.after_quote_cues and not any(
                    q.start <= made.start and made.end <= q.end <= toks[i].start for q in self.quotes):
                continue  # "went on", "pressed" report speech only after a quote: '"...?" X pressed.'
            if made and cue.words in self.lex.participles \
                    and any(r.name.casefold() in self.lex.non_speakers for r in made.speakers):
                continue  # "issued a statement calling for ...": the statement is not who spoke
            if made and len(made.speakers) == 1 and made.speakers[0].via in self.lex.person_pronouns:
                made.speakers = self._cataphor(toks, i, made.speakers)
            if made:
                nested = any(c.start <= toks[i].start < c.end for c in claims) or self._embedded_relative(toks, i) \
                    or self._under_pronoun(toks, i, made)
                claims.append(made)
                if nested:
                    # "X said the vote leaves Y claiming ...": Y is inside X's words, and
                    # the next "he" still means X
                    for r in made.speakers:
                        self.entities.remember(r)
                else:
                    self.entities.spoke(made.speakers)
        if self.lex.document_prepositions:
            made = self.document_frame(sent)
            # (but "In a report, the agency said ...": the agency speaks; voters polled do not)
            if made and not any(c.start <= made.cue_start < c.end or c.cue_start > made.start
                                and any(r.kind != GROUP for r in c.speakers) for c in claims):
                claims.insert(0, made)
        for outer in claims:
            if outer.end <= outer.cue_start:
                # "He agreed to sell it in 2010, records show.": the inner act ends where the
                # outer content does, before its speaker and cue
                for inner in claims:
                    if inner is not outer and inner.start < outer.end < inner.end and outer.start <= inner.cue_start < outer.end:
                        inner.start, inner.end = self.trim(inner.start, outer.end)
        if self.lex.speaker_colon and not claims:
            made = self.speaker_colon(sent)
            if made:
                claims.append(made)
                self.entities.spoke(made.speakers)
        return claims

    def _bare_name_opens(self, toks, rng, lo: int) -> bool:
        """Whether a bare name (no title, place or time) opens the sentence and a comma
        stands between it and the role at ``rng``."""
        named = self.np_left(toks, rng[0] - 1, lo)
        return bool(named and named[0] == lo and named[1] == rng[0] - 1
                    and all(t.is_capitalized and t.is_word for t in toks[named[0]:named[1]])
                    and not self._is_place(toks, named) and not self._is_time(toks, named)
                    and not self._starts_title(toks, *named) and toks[lo].lower not in self.lex.sentence_openers)

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

    def _quote_clause_start(self, sent, q: Span) -> int:
        """Where the content of '"...," X said' starts: inside the quote, or at the
        sentence start when the quote opens after words of the same clause
        ('They hope to "build ...," X said.'); not when a comma or colon sets the quote
        off ('His verdict: "...," X said.', 'X said ... but added, "...," X said.')."""
        lead = [t for t in sent.tokens if t.end <= q.start]
        if q.start > sent.start + 1 and any(t.is_word for t in lead) and lead[-1].text not in ",:;—–-":
            return sent.start
        return q.start + 1

    def cut_quote_attribution(self, toks, a: int, b: int) -> int:
        """Token index of the closing mark of a quote in the content that a trailing
        attribution follows ('pledged to "...," the paper reported.'), or ``b``."""
        for k in range(a + 1, b - 1):
            if toks[k].text not in QUOTE_CHARS or toks[k - 1].text not in ",?!" or self.in_quote(toks[k].start) \
                    or not self.quote_ending_at(toks[k].end):
                continue
            rest = toks[k + 1:b]
            found = [c for c in self.find_cues(rest) if c[2].kind in ("postposed", "verb")]
            if not found:
                return b
            i, j, cue = found[0]
            tail = None
            if i == 0 and cue.words in self.lex.postposed_verbs:
                rng = self.np_right(rest, j)  # '..., " said X.'
                tail = rng[1] if rng else None
            elif i > 0:
                i = self._skip_adverbs_left(rest, i)
                rng = self.np_left(rest, i, 0)  # '..., " X said.'
                tail = j if rng and all(t.lower in self.lex.determiners for t in rest[:rng[0]]) else None
            if tail is not None and not any(t.lower in self.lex.complementizers or t.text in QUOTE_CHARS or t.text == ":"
                                            for t in rest[tail:]):
                return k
            return b
        return b

    def _extend_into_quote(self, start: int, end: int) -> int:
        """A quote opened in the content may close in a later sentence."""
        for q in self.quotes:
            if start <= q.start < end < q.end:
                return q.end
        return end

    def preposed(self, sent, i, j, cue, next_cue, claims) -> RawClaim | None:
        toks = sent.tokens
        if j < len(toks) and toks[j].lower in self.lex.passive_agents and i > 0:
            return self.passive(sent, i, j, cue)  # "X was criticized by Y"
        if self._passive_participle(toks, i, j):
            return None  # "they were told to ...": the subject is not the speaker
        coordinated = i > 0 and toks[i - 1].lower in self.lex.act_conjunctions and bool(claims)
        if not coordinated and not self.lex.nested_reports and any(c.start <= toks[i].start < c.end for c in claims):
            # a report inside the content of another claim of this sentence
            # ("X mengatakan, semua bermula ketika Y mengumumkan ...") is not a claim of its own
            return None
        relative = self._relative_and(toks, i)
        if relative:
            coordinated = False  # "X greeted Jo Roe, who opened the gate and said ...": Jo Roe speaks
        participle = not coordinated and not relative and self._takes_sentence_subject(toks, i, cue, claims)
        opening = self._opening_clause_end(toks, i, j) if participle else None
        # "Rents, a planner says, will rise ...": a verb that may follow its speaker, set off by commas
        parenthetical = j < len(toks) and toks[j].text == "," and cue.words in self.lex.postposed_verbs
        subj = None if coordinated or participle else (relative, None) if relative else self.subject(
            toks, i, parenthetical=parenthetical)
        if subj is None and not coordinated and not participle:
            subj = self.subject_before_verb(toks, i) or self.subject_before_adjunct(toks, i)
        if cue.words in self.lex.participles and not claims and not coordinated and not participle and i > 1 and (
                subj and subj[0][0] > 0 and not self._clause_initial(toks, subj[0][0], 0)
                and subj[0][1] == self._skip_adverbs_left(toks, i)
                or subj is None and toks[i - 1].is_word and not toks[i - 1].is_capitalized):
            # "The senator emailed supporters saying ...": the object of the first verb does not speak
            subj, participle = None, True
        speakers: list[SpeakerRef] = []
        anaphor = [] if subj or coordinated or participle else self.anaphoric_subject(toks, i)
        if anaphor:
            speakers = anaphor
        elif subj:
            rng, description = subj
            if rng[0] > 0 and toks[rng[0] - 1].lower in self.lex.event_subordinators:
                # "... karena Y mengumumkan ...": an event in a subordinate clause
                return None
            speakers = self.speakers_of(toks, rng)
            if description and len(speakers) == 1 and speakers[0].description is None:
                speakers = [SpeakerRef(speakers[0].name, speakers[0].mention, speakers[0].kind, description)]
        elif coordinated or i > 0 and claims and (toks[self._skip_adverbs_left(toks, i) - 1].lower in self.lex.act_conjunctions
                                                  or toks[self._skip_adverbs_left(toks, i) - 1].text == ","):
            # "... mengatakan X dan berjanji untuk Y": the same speaker, and X ends before "dan"
            prev = claims[-1]
            speakers = prev.speakers
            k = self._skip_adverbs_left(toks, i) - 1
            if k > 0 and toks[k - 1].text == ",":
                k -= 1
            if prev.start < toks[k].start <= prev.end:
                prev.start, prev.end = self.trim(prev.start, toks[k].start)
        elif opening is not None:
            # "After praising the plan, X said ...": the subject after the opening clause
            rng = self.np_right(toks, opening + 1)
            if rng and (toks[rng[0]].is_capitalized or rng[1] - rng[0] == 1 and (
                    toks[rng[0]].lower in self.lex.person_pronouns or toks[rng[0]].lower in self.lex.group_pronouns)):
                speakers = self.speakers_of(toks, rng)
        elif participle:
            # "X vetoed the bill, saying ...": the subject of the sentence
            a = self._after_dateline(toks)
            if toks[a].lower in self.lex.sentence_openers and toks[a].lower not in self.lex.determiners:
                # "Last year, X ...", "On Friday she ...": the subject follows the opening adverbial
                a = next((k for k in range(a + 1, i - 1) if toks[k].lower in self.lex.person_pronouns
                          or toks[k].lower in self.lex.group_pronouns
                          or toks[k].is_capitalized and toks[k].lower not in self.lex.days
                          and toks[k].lower not in self.lex.sentence_openers), i)
            elif (c := next((k for k in range(a + 1, min(a + 4, i - 2)) if toks[k].text == ","), None)) \
                    and (toks[c + 1].lower in self.lex.person_pronouns or toks[c + 1].lower in self.lex.group_pronouns):
                a = c + 1  # "Hours later, she ...": a pronoun after a short opening phrase is the subject
            elif self._participle(toks[0]) and len(toks) > 1 and not toks[1].is_capitalized:
                # "Walking to the next house, X ...": the subject follows the opening participle's clause
                a = next((k + 1 for k in range(1, i - 1) if toks[k].text == ","), 0)
            rng = self.np_right(toks, a) if a < i - 1 else None
            if rng and self.lex.past_endings:
                # "The governor emailed donors saying ...": the role, not the verb after it
                m = next((m for m in range(rng[0] + 1, rng[1]) if not toks[m].is_capitalized
                          and toks[m].lower.endswith(self.lex.past_endings) and (toks[m - 1].lower,) in self.lex.titles), None)
                if m is not None:
                    rng = (rng[0], m)
            if rng and rng[1] - rng[0] == 1 and toks[rng[0]].lower in self.lex.quantifiers and toks[rng[1]].is_word:
                rng = None  # "Many black voters ... and found ...": not the quantifier alone
            # "His campaign sued ..., claiming ...": a short phrase under a determiner that opens the sentence
            nxt = toks[rng[1]] if rng and rng[1] < len(toks) else None
            if rng and toks[a].lower in self.lex.determiners and rng == (a + 1, a + 2) and toks[rng[0]].is_capitalized \
                    and nxt is not None and nxt.is_word and not nxt.is_capitalized and not self._function_word(nxt) \
                    and (self._people_noun(nxt) or not nxt.lower.endswith(self.lex.past_endings + (self.lex.plural_suffix or "\0",))):
                rng = None  # "The French photographer ...": an adjective, not a name
            determined = rng and rng[0] > a and toks[a].is_capitalized and all(
                t.lower in self.lex.determiners for t in toks[a:rng[0]]) and rng[1] - rng[0] <= 2 and (
                self._starts_title(toks, rng[0], rng[1]))
            if rng and rng[1] < i - 1 and (toks[rng[0]].is_capitalized or determined) or rng and rng[1] - rng[0] == 1 and (
                    toks[rng[0]].lower in self.lex.person_pronouns or toks[rng[0]].lower in self.lex.group_pronouns):
                speakers = self.speakers_of(toks, rng)
        if not speakers:
            return None
        first = subj[0][0] if subj else i
        k = first if subj else self._skip_adverbs_left(toks, i) - (1 if anaphor else 0)
        if k > 0 and toks[k - 1].lower in self.lex.hypothetical_openers:
            return None  # "asked if she would back the bill", "if he said so": nothing was said
        before = self.quote_ending_at(toks[first - 1].end if first else sent.start)
        if before and not first and self.text[:before.end - 1].rstrip().endswith(".") and j < len(toks) \
                and toks[j].is_word and toks[j].lower not in self.lex.cue_adjuncts:
            before = None  # '... "of politics." Sanders said he ...': the quote closed the last sentence
        # content to the right
        content_first = bool(before) or first > 0 and toks[first - 1].text in ",—–"
        f = first
        if subj and f > 1 and toks[f - 1].lower in self.lex.determiners and toks[f - 1].is_capitalized \
                and toks[f - 2].lower in self.lex.parenthetical_openers:
            f -= 1  # ", as The Ledger reported": the article left out of the speaker
        if subj and f > 0 and toks[f - 1].lower in self.lex.parenthetical_openers and (
                j == len(toks) or not toks[j].is_word or toks[j].lower in self.lex.cue_adjuncts
                or toks[j].lower in self.lex.days or cue.words in self.lex.recipient_cues):
            # "As X reported, CONTENT" / "CONTENT, as X reported" (not "as X sought to end it, ...":
            # an act with words of its own)
            c = next((k for k in range(j, len(toks)) if toks[k].text == "," and not self.in_quote(toks[k].start)), None)
            after_and = c is not None and c + 1 < len(toks) and toks[c + 1].lower in self.lex.act_conjunctions
            if c is not None and sum(t.is_word for t in toks[c + 1:]) >= 3 and not (
                    after_and and f > 1 and toks[f - 2].text == ","):
                # ("CONTENT, as X reported, and ...": the content came first)
                return self._claim(sent, speakers, cue, i, j, toks[c + 1].start, sent.end)
            if f > 1 and toks[f - 2].text == ",":
                return self._claim(sent, speakers, cue, i, j, sent.start, toks[f - 2].start)
        if (content_first and not before and first > 1 and toks[first - 1].text == "," and j + 1 < len(toks)
                and toks[j].text == "," and any(t.is_word for t in toks[j + 1:])
                and all(t.lower in self.lex.sentence_openers or t.lower in self.lex.adverbs or t.lower in self.lex.stopwords
                        for t in toks[:first - 1] if t.is_word)):
            # "Rather, he said, CONTENT": only a connective before the cue
            a = j + 1
            while a + 1 < len(toks) and toks[a].lower in self.lex.complementizers:
                a += 1
            return self._claim(sent, speakers, cue, i, j, toks[a].start, sent.end)
        a = j
        if a < len(toks) and toks[a].lower in self.lex.addressee_markers:
            # "melaporkan kepada polisi" has no content; "mengatakan kepada wartawan, ..." has it after the comma
            nxt = next((m for m in range(a + 1, len(toks)) if toks[m].text == "," or toks[m].lower in self.lex.complementizers), None)
            if nxt is None:
                return None
            # "mengatakan kepada wartawan, ..." vs "mengingatkan kepada X untuk Y" (X is part of it)
            a = nxt if toks[nxt].text == "," else a + 1
        a = self.content_start(toks, a, cue, content_first, bool(before))
        if a < 0:
            if not before and not claims and self.lex.cue_adjuncts:
                # 'X said in a statement.' and the quote that follows: "“There is no ...”"
                self.pending = (speakers, cue, self.text[toks[i].start:toks[j - 1].end], toks[i].start)
            return None
        joined = None
        if before and subj and a < len(toks) and toks[j].text == "," and self.in_quote(toks[a].start + 1):
            joined = before.start + 1  # '"...," X said, "...": one quote around the cue
        elif before and a == len(toks):
            # '"...," X said last month, "...": the quote goes on after the circumstance
            k = j
            while k < len(toks) and toks[k].is_word and toks[k].lower not in self.lex.complementizers and k - j < 6:
                k += 1
            if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].text in QUOTE_CHARS:
                a, joined = k + 1, before.start + 1
        b = len(toks)
        # stop before a coordinated act ("dan berjanji ..."), which makes its own claim
        if next_cue < len(toks):
            k = next_cue - 1
            while k > a and (toks[k].lower in self.lex.adverbs or toks[k].lower in self.lex.relative_pronouns
                             or toks[k].lower in self.lex.participle_prepositions  # ", while urging ..."
                             or toks[k].text in QUOTE_CHARS and toks[k - 1].text == ","):  # '...,” adding'
                k -= 1
            if toks[k].lower in self.lex.act_conjunctions or toks[k].text == ",":
                b = k
                if b - 1 > a and toks[b - 1].text == "," and toks[k].lower in self.lex.act_conjunctions:
                    b -= 1
        r = self._skip_adverbs_left(toks, i)
        if r >= 2 and toks[r - 1].lower in self.lex.relative_pronouns and toks[r - 2].text == "," or (
                subj and first > 0 and toks[first - 1].lower in self.lex.subordinators
                and (first == 1 or toks[first - 2].text == ",")):
            # "X, who has called the plan a hoax, will speak", "While X urged a delay, Y ...":
            # the relative or subordinate clause ends at its comma
            close = next((k for k in range(a + 1, b - 1) if toks[k].text == "," and not self.in_quote(toks[k].start)), None)
            if close is not None:
                b = close
        # a dash or semicolon and a new clause end the content ("... in May - but the union ...")
        for k in range(a + 1, b - 1):
            if (toks[k].text in ";—–" or toks[k].text == "-" and toks[k].start > toks[k - 1].end) and not self.in_quote(
                    toks[k].start) and (toks[k + 1].lower in self.lex.subordinators or toks[k + 1].lower in self.lex.adverbs
                                        or toks[k + 1].lower in self.lex.act_conjunctions):
                b = k
                break
        if toks[-1].text == ":" and sum(t.is_word for t in toks[j:]) <= 3 and not before:
            # 'The senator continued:' / 'X told reporters:' and the quote in the next paragraph
            self.pending = (speakers, cue, self.text[toks[i].start:toks[j - 1].end], toks[i].start)
            return None
        if opening is not None:
            b = min(b, opening)  # the opening clause ends at its comma
        if a < b and not (b - a <= 2 and all(not t.is_word for t in toks[a:b])):
            b = self.cut_trailing_adjunct(toks, a, b)
            attributed = self.cut_quote_attribution(toks, a, b)
            cut, b = attributed < b, attributed
            if cue.stance in OBJECT_STANCES:
                b = self.cut_object(toks, a, b)
            start = toks[a].start if joined is None else joined
            end = toks[b - 1].end if b < len(toks) else sent.end
            if not cut:
                end = self._extend_into_quote(start, end)
            return self._claim(sent, speakers, cue, i, j, start, end)
        # nothing after the cue: the content came first ('"...," Putin menegaskan.')
        q = before
        if q:
            return self._claim(sent, speakers, cue, i, j, self._quote_clause_start(sent, q), q.end - 1)
        if first > 0:
            q = self._quote_before_apposition(toks, first)
            if q:
                return self._claim(sent, speakers, cue, i, j, q.start + 1, q.end - 1)
        if first > 0 and not participle and (toks[first - 1].text in ",:—–" or cue.words in self.lex.postposed_verbs):
            # "CONTENT, X said.", "CONTENT X argues." ("the hall she prefers." is no content of hers)
            return self._claim(sent, speakers, cue, i, j, sent.start, toks[first - 1].end)
        return None  # ("X opened in June and closed Friday.": an act with no content)

    def _quote_before_apposition(self, toks, first: int) -> Span | None:
        """The quote that opens the sentence when only a short description set off by
        a comma stands between it and the speaker ('"...," a friend, Jo Roe, told CNN.')."""
        if toks[first - 1].text != ",":
            return None
        for k in range(first - 2, max(first - 9, 0), -1):
            if toks[k].text in QUOTE_CHARS and toks[k - 1].text in ",?!":
                q = self.quote_ending_at(toks[k].end)
                between = toks[k + 1:first - 1]
                if q and q.start <= toks[0].start + 1 and between and all(
                        t.is_word and not self.lex.cues.get((t.lower,)) for t in between):
                    return q
                return None
            if not toks[k].is_word and toks[k].text != "-":
                return None
        return None

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

    def _passive_participle(self, toks, i: int, j: int) -> bool:
        """A cue in the passive ("was asked", "have been told") without its agent."""
        if i == 0 or toks[i - 1].lower not in self.lex.passive_auxiliaries:
            return False
        word = toks[j - 1].lower
        return word in self.lex.passive_participles or any(
            word.endswith(e) for e in self.lex.passive_participle_endings)

    def _takes_sentence_subject(self, toks, i: int, cue, claims) -> bool:
        """Whether the cue has no subject of its own and takes the sentence's:
        a participle after a comma ("X vetoed the bill, saying ...") or an act joined
        with "and" to a clause that made no claim ("X walked on and said ...")."""
        if i < 1 or not self.lex.participles:
            return False
        if toks[self._skip_adverbs_left(toks, i) - 1].lower in self.lex.participle_prepositions \
                and cue.words in self.lex.participles:
            return True  # "X rallied voters by promising ...", "..., while also urging ..."
        if i < 2:
            return False
        comma = toks[i - 1].text == "," or toks[i - 1].text in QUOTE_CHARS and toks[i - 2].text == ","
        if comma and cue.words in self.lex.participles:  # "X vetoed it, saying", '"...," adding
            return True
        k = self._skip_adverbs_left(toks, i)
        before = k - 2
        comma = before >= 1 and toks[before].text == ","
        if comma:
            before -= 1  # "X reminisced about her days with Y, and said ..."
        return (not claims and before >= 0 and toks[k - 1].lower in self.lex.act_conjunctions
                and toks[before].is_word and (comma or not toks[before].is_capitalized or toks[before].lower in self.lex.days))

    def _opening_clause_end(self, toks, i: int, j: int) -> int | None:
        """The comma that closes an opening clause of a preposition and the participle
        cue at ``i`` ("After praising the plan, X ...", "Days before urging ..., X ..."),
        or None."""
        p = self._skip_adverbs_left(toks, i) - 1
        if p < 0 or p > 3 or toks[p].lower not in self.lex.participle_prepositions \
                or not all(t.is_word for t in toks[:p]):
            return None
        comma = next((k for k in range(j, len(toks)) if toks[k].text in ",;:" and not self.in_quote(toks[k].start)), None)
        if comma is None or toks[comma].text != "," or comma + 2 >= len(toks):
            return None
        return comma

    def _relative_and(self, toks, i: int) -> tuple[int, int] | None:
        """The phrase before ", who" when the cue is joined with "and" to a relative
        clause of its own ("X met Jo Roe, who opened the gate and said ...")."""
        k = self._skip_adverbs_left(toks, i) - 1
        if k < 3 or toks[k].lower not in self.lex.act_conjunctions:
            return None
        for m in range(k - 1, max(0, k - 30), -1):
            if toks[m].text in ",;:" or toks[m].text in QUOTE_CHARS:
                return None
            if toks[m].lower in self.lex.relative_pronouns:
                if toks[m - 1].text != ",":
                    return None
                rng = self.np_left(toks, m - 1, 0)
                return rng if rng and rng[1] == m - 1 and self.speakers_of(toks, rng) else None
        return None

    def skip_hearer(self, toks, a: int) -> int:
        """After "told": the hearer before the content ("told reporters that ...",
        "told CNN the plan ...")."""
        for k in range(a, min(a + 8, len(toks))):
            if toks[k].text in ",:;" or toks[k].text in QUOTE_CHARS or toks[k].lower in self.lex.subordinators:
                break
            if toks[k].lower in self.lex.complementizers:
                return k
        if a < len(toks) and (toks[a].lower in self.lex.person_pronouns or toks[a].lower in self.lex.group_pronouns):
            return a + 1
        rng = self.np_right(toks, a)
        if rng and (rng[1] == len(toks) or toks[rng[1]].is_word or toks[rng[1]].text in ".!?"):
            return rng[1]
        if rng and rng[1] + 1 < len(toks) and toks[rng[1]].text == ":" and toks[rng[1] + 1].text in QUOTE_CHARS:
            return rng[1] + 1  # 'told CNN: "..."'
        return a

    def content_start(self, toks, j: int, cue, content_first: bool, quote_first: bool = False) -> int:
        """Token where the content after a cue starts; ``len(toks)`` when the words
        after the cue are only its circumstance ("on Monday", "in a statement") or
        its hearer, so that the content is what came before."""
        lex, n = self.lex, len(toks)
        a = j
        if cue.words in lex.recipient_cues:
            a = self.skip_hearer(toks, a)
        while a < n and toks[a].lower in lex.days:
            a += 1  # "said Wednesday he agrees"
        if a + 1 < n and lex.adverb_suffixes and toks[a].lower.endswith(lex.adverb_suffixes) \
                and not toks[a].is_capitalized and toks[a + 1].lower in lex.cue_adjuncts:
            a += 1  # "testified voluntarily in 1998": the manner, then the circumstance
        if a < n and toks[a].lower in lex.cue_adjuncts and not (
                # "say this is ...": a demonstrative not followed by a time ("said this week") is content
                toks[a].lower in lex.demonstratives and lex.time_words and a + 1 < n
                and toks[a + 1].lower not in lex.time_words and toks[a + 1].lower not in lex.days) and not (
                # "recommended a different firm": an article opens the content, unless a time follows ("a week later")
                not quote_first and toks[a].lower in lex.determiners and lex.time_words and a + 1 < n
                and not any(t.lower in lex.time_words for t in toks[a + 1:a + 3])):
            # "said in an interview that ...": the content follows the complementizer
            if quote_first:
                return n  # '"...," X said in a film that showed ...': the quote is the content
            comp = None
            for k in range(a if content_first else a + 1, min(a + 15, n)):
                # ('"...," X told Y when asked about ...': the content came first)
                if toks[k].text == "," and k + 1 < n and toks[k + 1].text in QUOTE_CHARS and not content_first \
                        and k - a <= 6 and not any(t.lower in lex.act_conjunctions for t in toks[a:k]) \
                        and any(q.start == toks[k + 1].start for q in self.quotes):
                    comp = k  # 'X said in a statement on Monday, "..."': the quote after the circumstance
                    break
                if toks[k].lower in lex.subordinators or toks[k].text in ",;":
                    break  # "told X on Monday when asked whether ...": not its content
                if (toks[k].lower in lex.complementizers or toks[k].text == ":") and not self.in_quote(toks[k].start):
                    comp = k
                    break
            if comp is not None:
                a = comp
            elif content_first:
                return n
            elif sum(t.is_word for t in toks[a:]) <= 8:
                return -1  # only the circumstance of the act ("said at a briefing."): no content here
        if quote_first and lex.cue_adjuncts and a < n and not (
                toks[a].lower in lex.complementizers or toks[a].text == ":"
                or toks[a].text == "," and a + 1 < n and toks[a + 1].text in QUOTE_CHARS):
            return n  # '"...," X said of Y, adding ...': the quote is the content
        while a < n and toks[a].text in ",:":
            a += 1
        if content_first and a > j and toks[j].text == "," and a < n and toks[a].lower in lex.act_conjunctions:
            return n  # "The barn burned in May, records show, and ...": the content came first
        if a < n and toks[a].lower in lex.complementizers and not (
                a + 1 < n and toks[a + 1].text in ",.;" and lex.demonstratives and toks[a].lower in lex.demonstratives):
            a += 1  # only one: "denied that that was the case" ("rejected that, too": "that" is the object)
        if content_first and all(t.text in ".!?" or t.text in QUOTE_CHARS for t in toks[a:]):
            return n
        return a

    def postposed(self, sent, i, j, cue) -> RawClaim | None:
        toks = sent.tokens
        k = i - 1
        if k < 0:
            return self.postposed_after_quote(sent, i, j, cue)
        comma = toks[k].text == ","
        if comma:
            k -= 1
        closing_quote = k >= 0 and toks[k].text in QUOTE_CHARS
        if not comma and not closing_quote and toks[k].text not in "—–":
            return None
        word = toks[i].lower
        suffix = self.lex.pronoun_suffix
        after = j
        anaphor = self._role_anaphor(toks, j)
        if suffix and word.endswith(suffix) and len(word) > len(suffix) + 2 and j - i == 1:
            speakers = self.entities.pronoun(suffix)
        elif anaphor:
            # '"...," kata politisi senior partai itu.'
            speakers, after = anaphor
        else:
            rng = self.np_right(toks, j)
            if rng and self.lex.source_to_clause_end and not toks[rng[0]].is_capitalized and not (
                    toks[rng[0]].lower in self.lex.person_pronouns or toks[rng[0]].lower in self.lex.group_pronouns):
                # '"...," said a former official who oversaw the inquiry.': the whole description
                whole = self.source_phrase(toks, i, j)
                if whole and whole[0] == rng[0] and whole[1] > rng[1]:
                    rng = whole
            if not rng:
                return None
            if (cue.kind == "verb" and rng[1] - rng[0] == 1 and rng[1] < len(toks) and toks[rng[1]].is_word
                    and (toks[rng[0]].lower in self.lex.person_pronouns or toks[rng[0]].lower in self.lex.group_pronouns)):
                return None  # '"...," said he would ...': the pronoun opens the content, it is not the speaker
            speakers = self.speakers_of(toks, rng)
            after = rng[1]
            appositive = self._appositive_name(toks, rng, speakers)
            if appositive:
                name_rng = appositive
                role = self.text[toks[rng[0]].start:toks[rng[1] - 1].end]
                speakers = [SpeakerRef(r.name, r.mention, r.kind, r.description or role)
                            for r in self.speakers_of(toks, name_rng)]
                after = name_rng[1]
        if not speakers:
            return None
        # content before the cue: a quote, or the clause from the sentence start
        cue_pos = toks[i].start
        q = self.quote_ending_at(toks[k].end if closing_quote else toks[k + 1].start) if k >= 0 else None
        if closing_quote and q and q.start <= sent.start + 1:
            start, end = q.start + 1, q.end - 1
            # '"A," said X, a lawyer, "and B."': the quote goes on after the speaker
            for m in range(after, min(after + 12, len(toks) - 1)):
                if toks[m].text == "," and toks[m + 1].text in QUOTE_CHARS:
                    more = next((r for r in self.quotes if r.start <= toks[m + 1].start < r.end - 1), None)
                    if more:
                        end = more.end - 1
                    break
        else:
            start, end = sent.start, toks[k].end if k >= 0 else cue_pos
            # a parenthetical cue: "Bank sentral, kata dia, sepertinya ..."
            p = after
            while p < len(toks) and toks[p].text == ",":
                # skip the speaker's place and time: "..., di Sukamaju, Selasa (8/3/2022), ..."
                nxt = next((m for m in range(p + 1, len(toks)) if toks[m].text == ","), len(toks))
                seg = toks[p + 1:nxt]
                if nxt < len(toks) and seg and (self._adjunct_start(seg) or seg[0].lower in self.lex.adjunct_prepositions):
                    p = nxt
                    continue
                if seg and (seg[0].lower in self.lex.determiners or seg[0].lower.endswith(self.lex.possessive_suffixes or ("\0",))) \
                        and p == after and not any(
                        t.lower in self.lex.finite_verbs for t in seg):
                    # '..., said Jo Roe, the town's engineer, on Monday.': an apposition to the speaker
                    p = nxt
                    continue
                break
            if p < len(toks) and toks[p].text == "," and p + 1 < len(toks):
                rest = toks[p + 1:]
                if any(t.is_word for t in rest) and not self._trailing_aside(rest):
                    end = sent.end
                    lead = [t for t in toks[:k + 1] if t.is_word]
                    if all(t.lower in self.lex.sentence_openers or t.lower in self.lex.stopwords for t in lead):
                        # "Oleh karena itu, kata X, CONTENT": only a connective before the cue
                        start = rest[0].start
            if start < cue_pos and self.text[start] in QUOTE_CHARS:
                start += 1
        return self._claim(sent, speakers, cue, i, j, start, end)

    def _named_in(self, name: str, start: int, end: int) -> bool:
        """Whether a word of a person's name stands in the text between start and end."""
        words = {w for w in name.split() if w[:1].isupper() and len(w) > 2}
        return any(t.text in words for t in tokenize(self.text[start:end]))

    def postposed_after_quote(self, sent, i, j, cue) -> RawClaim | None:
        """A lowercase cue that starts a sentence right after a closing quote
        ('"...?"' then 'tanya Teguh.'): the quote is its content."""
        toks = sent.tokens
        if toks[i].is_capitalized:
            return None
        q = next((q for q in self.quotes if q.end <= sent.start and not self.text[q.end:sent.start].strip()), None)
        if q is None:
            return None
        suffix = self.lex.pronoun_suffix
        if suffix and toks[i].lower.endswith(suffix) and j - i == 1 and len(toks[i].lower) > len(suffix) + 2:
            speakers = self.entities.pronoun(suffix)  # '"...?"' then 'katanya.'
        else:
            rng = self.np_right(toks, j)
            speakers = self.speakers_of(toks, rng) if rng else []
        if not speakers:
            return None
        start, end = self.trim(q.start + 1, q.end - 1)
        if end <= start:
            return None
        cue_text = self.text[toks[i].start:toks[j - 1].end]
        return RawClaim(speakers, cue.stance, cue_text, start, end, q.start, sent.end, sent.paragraph, toks[i].start)

    def _appositive_name(self, toks, rng, speakers):
        """'kata ROLE, NAME, ...': a role with no full name, then the name between commas."""
        end = rng[1]
        if not self._starts_title(toks, rng[0], end):
            return None
        if end < len(toks) and toks[end].text != ",":
            # "kata ahli epidemiologi Universitas X, NAME, ...": more of the role up to a comma
            more = next((m for m in range(end, min(len(toks), end + 6)) if not toks[m].is_word), None)
            if more is None or toks[more].text != ",":
                return None
            end = more
        if end + 1 >= len(toks) or toks[end].text != ",":
            return None
        written = self.text[toks[rng[0]].start:toks[end - 1].end]
        # a capitalized title with a full name names its speaker ("Ketua KPK Budi Santoso, ...");
        # a role in lower case is a description ("kuasa hukum Budi Santoso, Rina Lestari, ...")
        if len(speakers) != 1 or (toks[rng[0]].is_capitalized and len(speakers[0].name.split()) > 1
                                  and speakers[0].name != speakers[0].description and speakers[0].name in written):
            return None
        start = end + 1
        for _ in range(4):
            k = start
            while k < len(toks) and toks[k].is_word and toks[k].is_capitalized and toks[k].lower not in self.lex.days:
                k += 1
            if k == start or k < len(toks) and toks[k].is_capitalized:
                return None
            words = tuple(t.lower for t in toks[start:k])
            is_body = toks[start].lower in self.lex.affiliation_words or phrase_at(
                words, self.lex.institution_words) > 0 or is_acronym(toks[start].text)
            is_place = self._place_words(list(words))
            if not is_body and not is_place and (words in self.lex.governments
                                                 or self._starts_title(toks, start, k)):
                return None
            if is_body or is_place:
                # more of the affiliation ("..., Kelurahan X, Kecamatan Y, NAME")
                if k < len(toks) and toks[k].text == ",":
                    start = k + 1
                    continue
                return None
            if k + 1 < len(toks) and toks[k].text == ",":
                # "kata ROLE, PLACE, NAME.": the last name before the end is the speaker's
                m = k + 1
                while m < len(toks) and toks[m].is_word and toks[m].is_capitalized and toks[m].lower not in self.lex.days:
                    m += 1
                if m > k + 1 and all(not t.is_word for t in toks[m:]):
                    return (k + 1, m)
            return (start, k)
        return None

    def _trailing_aside(self, toks) -> bool:
        """What follows a parenthetical cue is a circumstance ("..., kata X, di Jakarta,
        Senin.") rather than more content ("..., lanjut X, Polres Sukamaju harus ...")."""
        words = [t for t in toks if t.is_word]
        if toks and toks[0].is_capitalized and toks[0].lower not in self.lex.days:
            return len(words) <= 4 and all(t.is_capitalized or t.text.isdigit() for t in words)
        return self._adjunct_start(toks)

    def _adjunct_start(self, toks) -> bool:
        words = [t.lower for t in toks]
        return any(tuple(words[:n]) in self.lex.trailing_adjuncts for n in range(1, 4)) or (
            bool(words) and (words[0] in self.lex.days or toks[0].is_capitalized))

    def _own_reason(self, words) -> bool:
        """A possessive and common nouns only, none a role or a body ("their instinct")."""
        words = words[1:] if words and words[0].lower not in self.lex.possessive_determiners else words
        return (bool(words) and words[0].lower in self.lex.possessive_determiners
                and not any(t.is_capitalized or t.lower in self.lex.title_words or t.lower in self.lex.document_nouns
                            or t.lower in self.lex.institution_tails for t in words[1:]))

    def according_to(self, sent, i, j, cue, next_cue) -> RawClaim | None:
        toks = sent.tokens
        word = toks[i].lower
        suffix = self.lex.pronoun_suffix
        described = self._described_referent(toks, j)
        if suffix and word.endswith(suffix) and word != suffix:
            speakers = self.entities.pronoun(suffix)
            after = j
        elif described:
            # "Menurut doktor hukum ... itu, CONTENT": a description of someone named before
            speakers, after = described
            if not speakers:
                return None
        else:
            rng = self.np_right(toks, j)
            whole = self.source_phrase(toks, i, j) if self.lex.source_to_clause_end else None
            if whole and (not rng or whole[1] > rng[1]) and not (
                    rng and rng[1] - rng[0] == 1 and whole[0] != rng[1]
                    and (toks[rng[0]].lower in self.lex.person_pronouns or toks[rng[0]].lower in self.lex.group_pronouns)):
                # ("according to her memoir": "her" is the memoir's, not the source)
                rng = whole  # "according to a police report", "... to two people familiar with the plan"
            if not rng:
                return None
            if self._own_reason(toks[max(j, rng[0] - 1):rng[1]]):
                return None  # "according to their preference": a measure, not a source
            speakers = self.speakers_of(toks, rng)
            after = rng[1]
            appositive = self._appositive_name(toks, rng, speakers)
            if appositive:  # "Menurut kuasa hukum X, NAME, CONTENT"
                role = self.text[toks[rng[0]].start:toks[rng[1] - 1].end]
                speakers = [SpeakerRef(r.name, r.mention, r.kind, r.description or role)
                            for r in self.speakers_of(toks, appositive)]
                after = appositive[1]
        if not speakers:
            return None
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
            return self._claim(sent, speakers, cue, i, j, toks[a].start, end)
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
        if any((t.lower,) in lex.cues for t in toks[start:comma]):
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
        if any((t.lower,) in lex.cues for t in toks[:end]):
            return None  # "X said Y in a poll": the one who said it speaks
        name = " ".join(self.text[toks[p + 2].start:toks[end - 1].end].split())
        cue = Cue((toks[p].lower,), "asserts", "document")
        return self._claim(sent, [SpeakerRef(name, name, DOCUMENT)], cue, p, p + 1, sent.start, toks[p - 1].end)

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

    def passive(self, sent, i, j, cue) -> RawClaim | None:
        toks = sent.tokens
        a = j
        if a < len(toks) and toks[a].lower in self.lex.passive_agents:
            a += 1
        rng = self.np_right(toks, a)
        if not rng or i == 0:
            return None
        speakers = self.speakers_of(toks, rng)
        content = [t for t in toks[:i] if t.is_word]
        if (len(content) <= 2 and content and content[-1].lower in self.lex.demonstratives
                and content[0].lower not in self.lex.reference_nouns):
            # "Hal ini disampaikan X": the content is in an earlier sentence (but
            # "Tudingan itu dibantah oleh X" denies the claim it points to)
            return None
        if content and all(t.lower in self.lex.sentence_openers or t.lower in self.lex.relativizers
                           or t.lower in self.lex.stopwords for t in content):
            # "Seperti yang ditegaskan X, CONTENT": the content follows the agent
            a = rng[1]
            while a < len(toks) and toks[a].text in ",:":
                a += 1
            if a >= len(toks) or not any(t.is_word for t in toks[a:]):
                return None
            return self._claim(sent, speakers, cue, i, j, toks[a].start, sent.end)
        return self._claim(sent, speakers, cue, i, j, sent.start, toks[i - 1].end)
