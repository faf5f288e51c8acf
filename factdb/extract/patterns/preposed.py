"""Pattern: the cue before its content, ``SPEAKER CUE [that] CONTENT``."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..lexicon import Cue
from ..segment import QUOTE_CHARS, Sentence, Span
from ..speakers import SpeakerRef
from ..structures import GO_ON, OBJECT_STANCES, RawClaim


@dataclass
class PreposedFrame:
    """What the preposed pattern knows of one cue as its units run."""
    sent: Sentence
    i: int  # the cue's tokens are i:j
    j: int
    cue: Cue
    next_cue: int  # the token of the next cue that bounds the content
    claims: list[RawClaim]  # the claims found so far in the sentence
    coordinated: bool = False  # "... and said": an act joined to an earlier claim's
    relative: tuple[int, int] | None = None  # ", who ... and said": the phrase the clause is about
    participle: bool = False  # "..., saying": the cue takes the sentence's subject
    opening: int | None = None  # the comma that ends an opening clause of the cue
    subj: tuple | None = None  # (token range, description) of the subject
    anaphor: list[SpeakerRef] = field(default_factory=list)
    speakers: list[SpeakerRef] = field(default_factory=list)
    first: int = 0  # the first token of the speaker phrase (the cue's when there is none)
    before: Span | None = None  # a quote that closes right before the speaker
    content_first: bool = False  # the content came before the speaker
    toks: tuple = field(init=False, repr=False)  # the sentence's tokens

    def __post_init__(self):
        self.toks = self.sent.tokens


class Preposed:
    """``SPEAKER [adverbs] CUE [,] [bahwa|that] CONTENT``, and its variants."""

    def preposed(self, sent, i, j, cue, next_cue, claims) -> RawClaim | None:
        """The speaker before the cue; the content after it, or before it when nothing follows."""
        toks = sent.tokens
        if j < len(toks) and toks[j].lower in self.lex.passive_agents and i > 0:
            return self.passive(sent, i, j, cue)  # "X was criticized by Y"
        if self._passive_participle(toks, i, j):
            return None  # "they were told to ...": the subject is not the speaker
        f = PreposedFrame(sent, i, j, cue, next_cue, claims)
        if not self._preposed_clause(f):
            return None
        f.speakers = self._preposed_speakers(f)
        if not f.speakers or not self._preposed_position(f):
            return None
        for unit in (self._as_reported, self._after_connective):
            made = unit(f)
            if made is not GO_ON:
                return made
        return self._content_after(f)

    def _preposed_clause(self, f: PreposedFrame) -> bool:
        """What kind of clause the cue stands in: an act coordinated with an earlier one,
        a relative clause, a participle taking the sentence's subject, or its own subject.
        False when the cue reports nothing of its own."""
        toks, i, j, cue, claims = f.toks, f.i, f.j, f.cue, f.claims
        f.coordinated = i > 0 and toks[i - 1].lower in self.lex.act_conjunctions and bool(claims)
        if not f.coordinated and not self.lex.nested_reports and any(c.start <= toks[i].start < c.end for c in claims):
            # a report inside the content of another claim of this sentence
            # ("X mengatakan, semua bermula ketika Y mengumumkan ...") is not a claim of its own
            return False
        f.relative = self._relative_and(toks, i)
        if f.relative:
            f.coordinated = False  # "X greeted Jo Roe, who opened the gate and said ...": Jo Roe speaks
        f.participle = not f.coordinated and not f.relative and self._takes_sentence_subject(toks, i, cue, claims)
        f.opening = self._opening_clause_end(toks, i, j) if f.participle else None
        f.subj = self._preposed_subject(f)
        return True

    def _preposed_subject(self, f: PreposedFrame):
        """The subject phrase before the cue and its description, or None."""
        toks, i, j, cue = f.toks, f.i, f.j, f.cue
        # "Rents, a planner says, will rise ...": a verb that may follow its speaker, set off by commas
        parenthetical = j < len(toks) and toks[j].text == "," and cue.words in self.lex.postposed_verbs
        if cue.words in self.lex.stative_cues and i > 1 and toks[i - 1].lower in self.lex.passive_auxiliaries:
            i -= 1  # "Mr. Roe is convinced that ...": the subject before the copula
        subj = None if f.coordinated or f.participle else (f.relative, None) if f.relative else self.subject(
            toks, i, parenthetical=parenthetical)
        if subj is None and not f.coordinated and not f.participle:
            subj = self.subject_before_verb(toks, i) or self.subject_before_adjunct(toks, i)
        if cue.words in self.lex.participles and not f.claims and not f.coordinated and not f.participle and i > 1 and (
                subj and subj[0][0] > 0 and not self._clause_initial(toks, subj[0][0], 0)
                and subj[0][1] == self._skip_adverbs_left(toks, i)
                or subj is None and toks[i - 1].is_word and not toks[i - 1].is_capitalized):
            # "The senator emailed supporters saying ...": the object of the first verb does not speak
            subj, f.participle = None, True
        return subj

    def _preposed_speakers(self, f: PreposedFrame) -> list[SpeakerRef]:
        """Who speaks: a pronoun or role pointing back, the subject, the speaker of the
        act this one is coordinated with, or the subject of the sentence."""
        toks, i = f.toks, f.i
        f.anaphor = [] if f.subj or f.coordinated or f.participle else self.anaphoric_subject(toks, i)
        if f.anaphor:
            return f.anaphor
        if f.subj:
            rng, description = f.subj
            if rng[0] > 0 and toks[rng[0] - 1].lower in self.lex.event_subordinators:
                return []  # "... karena Y mengumumkan ...": an event in a subordinate clause
            speakers = self.speakers_of(toks, rng)
            if description and len(speakers) == 1 and speakers[0].description is None:
                speakers = [SpeakerRef(speakers[0].name, speakers[0].mention, speakers[0].kind, description)]
            return speakers
        k = self._skip_adverbs_left(toks, i) - 1
        if f.coordinated or i > 0 and f.claims and (toks[k].lower in self.lex.act_conjunctions or toks[k].text == ","):
            return self._coordinated_speakers(f)
        if f.opening is not None:
            # "After praising the plan, X said ...": the subject after the opening clause
            rng = self.np_right(toks, f.opening + 1)
            if rng and (toks[rng[0]].is_capitalized or rng[1] - rng[0] == 1 and self._pronoun(toks[rng[0]])):
                return self.speakers_of(toks, rng)
            return []
        if f.participle:
            return self._participle_subject(toks, i)
        return []

    def _coordinated_speakers(self, f: PreposedFrame) -> list[SpeakerRef]:
        """"... mengatakan X dan berjanji untuk Y": the same speaker, and X ends before "dan"."""
        toks = f.toks
        prev = f.claims[-1]
        k = self._skip_adverbs_left(toks, f.i) - 1
        if k > 0 and toks[k - 1].text == ",":
            k -= 1
        if prev.start < toks[k].start <= prev.end:
            prev.start, prev.end = self.trim(prev.start, toks[k].start)
        return prev.speakers

    def _participle_subject(self, toks, i: int) -> list[SpeakerRef]:
        """"X vetoed the bill, saying ...": the subject of the sentence."""
        a = self._subject_start(toks, i)
        rng = self.np_right(toks, a) if a < i - 1 else None
        if rng and self.lex.past_endings:
            # "The governor emailed donors saying ...": the role, not the verb after it
            m = next((m for m in range(rng[0] + 1, rng[1]) if not toks[m].is_capitalized
                      and toks[m].lower.endswith(self.lex.past_endings) and (toks[m - 1].lower,) in self.lex.titles), None)
            if m is not None:
                rng = (rng[0], m)
        if rng and rng[1] - rng[0] == 1 and toks[rng[0]].lower in self.lex.quantifiers and toks[rng[1]].is_word:
            rng = None  # "Many black voters ... and found ...": not the quantifier alone
        if rng and self._adjective_under_determiner(toks, a, rng):
            rng = None  # "The French photographer ...": an adjective, not a name
        determined = rng and rng[0] > a and toks[a].is_capitalized and all(
            t.lower in self.lex.determiners for t in toks[a:rng[0]]) and rng[1] - rng[0] <= 2 and (
            self._starts_title(toks, rng[0], rng[1]))
        if rng and rng[1] < i - 1 and (toks[rng[0]].is_capitalized or determined) or rng and rng[1] - rng[0] == 1 and (
                self._pronoun(toks[rng[0]])):
            return self.speakers_of(toks, rng)
        return []

    def _subject_start(self, toks, i: int) -> int:
        """Where the subject of the sentence starts, after a dateline or an opening adverbial."""
        a = self._after_dateline(toks)
        if toks[a].lower in self.lex.subordinators:
            comma = next((k for k in range(a + 2, i - 1) if toks[k].text == "," and not self.in_quote(toks[k].start)),
                         None)
            if comma is not None and (toks[comma + 1].is_capitalized or self._pronoun(toks[comma + 1])):
                return comma + 1  # "While Y pushed for X, Roe rallied voters by promising ...": after the clause
        if toks[a].lower in self.lex.sentence_openers and toks[a].lower not in self.lex.determiners:
            # "Last year, X ...", "On Friday she ...": the subject follows the opening adverbial
            return next((k for k in range(a + 1, i - 1) if self._pronoun(toks[k])
                         or toks[k].is_capitalized and toks[k].lower not in self.lex.days
                         and toks[k].lower not in self.lex.sentence_openers), i)
        c = next((k for k in range(a + 1, min(a + 4, i - 2)) if toks[k].text == ","), None)
        if c and self._pronoun(toks[c + 1]):
            return c + 1  # "Hours later, she ...": a pronoun after a short opening phrase is the subject
        if self._participle(toks[0]) and len(toks) > 1 and not toks[1].is_capitalized:
            # "Walking to the next house, X ...": the subject follows the opening participle's clause
            return next((k + 1 for k in range(1, i - 1) if toks[k].text == ","), 0)
        return a

    def _adjective_under_determiner(self, toks, a: int, rng) -> bool:
        """"His campaign sued ..., claiming ...": a short phrase under a determiner that
        opens the sentence, whose next word is a noun ("The French photographer")."""
        nxt = toks[rng[1]] if rng[1] < len(toks) else None
        return bool(toks[a].lower in self.lex.determiners and rng == (a + 1, a + 2) and toks[rng[0]].is_capitalized
                    and nxt is not None and nxt.is_word and not nxt.is_capitalized and not self._function_word(nxt)
                    and (self._people_noun(nxt) or not nxt.lower.endswith(
                        self.lex.past_endings + (self.lex.plural_suffix or "\0",))))

    def _preposed_position(self, f: PreposedFrame) -> bool:
        """Where the speaker phrase starts, and whether a quote closes right before it.
        False in a hypothetical ("asked if she would back the bill")."""
        toks, i, j = f.toks, f.i, f.j
        f.first = first = f.subj[0][0] if f.subj else i
        k = first if f.subj else self._skip_adverbs_left(toks, i) - (1 if f.anaphor else 0)
        if k > 0 and toks[k - 1].lower in self.lex.hypothetical_openers:
            return False  # "asked if she would back the bill", "if he said so": nothing was said
        before = self.quote_ending_at(toks[first - 1].end if first else f.sent.start)
        if before and not first and self.text[:before.end - 1].rstrip().endswith(".") and j < len(toks) \
                and toks[j].is_word and toks[j].lower not in self.lex.cue_adjuncts:
            before = None  # '... "of politics." Sanders said he ...': the quote closed the last sentence
        f.before = before
        f.content_first = bool(before) or first > 0 and toks[first - 1].text in ",—–"
        return True

    def _as_reported(self, f: PreposedFrame):
        """"As X reported, CONTENT" / "CONTENT, as X reported" (not "as X sought to end it,
        ...": an act with words of its own)."""
        toks, j, cue = f.toks, f.j, f.cue
        s = f.first
        if f.subj and s > 1 and toks[s - 1].lower in self.lex.determiners and toks[s - 1].is_capitalized \
                and toks[s - 2].lower in self.lex.parenthetical_openers:
            s -= 1  # ", as The Ledger reported": the article left out of the speaker
        if not (f.subj and s > 0 and toks[s - 1].lower in self.lex.parenthetical_openers and (
                j == len(toks) or not toks[j].is_word or toks[j].lower in self.lex.cue_adjuncts
                or toks[j].lower in self.lex.days or cue.words in self.lex.recipient_cues)):
            return GO_ON
        c = next((k for k in range(j, len(toks)) if toks[k].text == "," and not self.in_quote(toks[k].start)), None)
        after_and = c is not None and c + 1 < len(toks) and toks[c + 1].lower in self.lex.act_conjunctions
        if c is not None and sum(t.is_word for t in toks[c + 1:]) >= 3 and not (
                after_and and s > 1 and toks[s - 2].text == ","):
            # ("CONTENT, as X reported, and ...": the content came first)
            return self._claim(f.sent, f.speakers, cue, f.i, j, toks[c + 1].start, f.sent.end)
        if s > 1 and toks[s - 2].text == ",":
            return self._claim(f.sent, f.speakers, cue, f.i, j, f.sent.start, toks[s - 2].start)
        return GO_ON

    def _after_connective(self, f: PreposedFrame):
        """"Rather, he said, CONTENT": only a connective before the cue."""
        toks, j, first = f.toks, f.j, f.first
        if not (f.content_first and not f.before and first > 1 and toks[first - 1].text == "," and j + 1 < len(toks)
                and toks[j].text == "," and any(t.is_word for t in toks[j + 1:])
                and all(t.lower in self.lex.sentence_openers or t.lower in self.lex.adverbs or t.lower in self.lex.stopwords
                        for t in toks[:first - 1] if t.is_word)):
            return GO_ON
        a = j + 1
        while a + 1 < len(toks) and toks[a].lower in self.lex.complementizers:
            a += 1
        return self._claim(f.sent, f.speakers, f.cue, f.i, j, toks[a].start, f.sent.end)

    def _content_after(self, f: PreposedFrame) -> RawClaim | None:
        """The content after the cue, or, when nothing follows, the content before it."""
        a = self._content_after_start(f)
        if a is None:
            return None
        a, joined = self._joined_quote(f, a)
        b = self._content_after_end(f, a)
        toks, sent = f.toks, f.sent
        if toks[-1].text == ":" and sum(t.is_word for t in toks[f.j:]) <= 3 and not f.before:
            # 'The senator continued:' / 'X told reporters:' and the quote in the next paragraph
            self.pending = (f.speakers, f.cue, self.text[toks[f.i].start:toks[f.j - 1].end], toks[f.i].start)
            return None
        if f.opening is not None:
            b = min(b, f.opening)  # the opening clause ends at its comma
        if a < b and not (b - a <= 2 and all(not t.is_word for t in toks[a:b])):
            b = self.cut_circumstance(toks, a, self.cut_trailing_adjunct(toks, a, b))
            b = self.cut_coordinated_predicate(toks, a, b, f.cue)
            attributed = self.cut_quote_attribution(toks, a, b)
            cut, b = attributed < b, attributed
            if f.cue.stance in OBJECT_STANCES:
                b = self.cut_object(toks, a, b)
            start = toks[a].start if joined is None else joined
            end = toks[b - 1].end if b < len(toks) else sent.end
            if not cut:
                end = self._extend_into_quote(start, end)
            return self._claim(sent, f.speakers, f.cue, f.i, f.j, start, end)
        return self._content_before(f)

    def _content_after_start(self, f: PreposedFrame) -> int | None:
        """Token where the content after the cue starts (past a hearer, a time, a
        circumstance); ``len(toks)`` when it came first; None when there is none."""
        toks, i, j = f.toks, f.i, f.j
        a = j
        if a < len(toks) and toks[a].lower in self.lex.addressee_markers and f.cue.stance == "praises":
            a += 1  # "berterima kasih kepada para relawan": the one thanked is the object
        elif a < len(toks) and toks[a].lower in self.lex.addressee_markers:
            # "melaporkan kepada polisi" has no content; "mengatakan kepada wartawan, ..." has it after the comma
            nxt = next((m for m in range(a + 1, len(toks)) if toks[m].text == "," or toks[m].lower in self.lex.complementizers), None)
            if nxt is None:
                return None
            # "mengatakan kepada wartawan, ..." vs "mengingatkan kepada X untuk Y" (X is part of it)
            a = nxt if toks[nxt].text == "," else a + 1
        a = self.content_start(toks, a, f.cue, f.content_first, bool(f.before))
        if f.cue.words in self.lex.stative_cues and a < len(toks) and toks[a].lower in self.lex.object_prepositions:
            return None  # "percaya pada generasi muda": a trust, not a claim
        if a < 0:
            if not f.before and not f.claims and self.lex.cue_adjuncts:
                # 'X said in a statement.' and the quote that follows: "“There is no ...”"
                self.pending = (f.speakers, f.cue, self.text[toks[i].start:toks[j - 1].end], toks[i].start)
            return None
        return a

    def _joined_quote(self, f: PreposedFrame, a: int) -> tuple[int, int | None]:
        """'"...," X said, "...": one quote around the cue; the content then starts in the first."""
        toks, j, before = f.toks, f.j, f.before
        if before and f.subj and a < len(toks) and toks[j].text == "," and self.in_quote(toks[a].start + 1):
            return a, before.start + 1
        if before and a == len(toks):
            # '"...," X said last month, "...": the quote goes on after the circumstance
            k = j
            while k < len(toks) and toks[k].is_word and toks[k].lower not in self.lex.complementizers and k - j < 6:
                k += 1
            if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].text in QUOTE_CHARS:
                return k + 1, before.start + 1
        return a, None

    def _content_after_end(self, f: PreposedFrame, a: int) -> int:
        """Token where the content after the cue ends: before a coordinated act with a cue
        of its own, at the comma closing a relative or subordinate clause, or at a dash
        or semicolon that opens a new clause."""
        toks, b = f.toks, len(f.toks)
        if f.next_cue < len(toks):
            # stop before a coordinated act ("dan berjanji ..."), which makes its own claim
            k = f.next_cue - 1
            while k > a and (toks[k].lower in self.lex.adverbs or toks[k].lower in self.lex.relative_pronouns
                             or toks[k].lower in self.lex.participle_prepositions  # ", while urging ..."
                             or toks[k].text in QUOTE_CHARS and toks[k - 1].text == ","):  # '...,” adding'
                k -= 1
            if toks[k].lower in self.lex.act_conjunctions or toks[k].text == ",":
                b = k
                if b - 1 > a and toks[b - 1].text == "," and toks[k].lower in self.lex.act_conjunctions:
                    b -= 1
        r, first = self._skip_adverbs_left(toks, f.i), f.first
        if r >= 2 and toks[r - 1].lower in self.lex.relative_pronouns and toks[r - 2].text == "," or (
                f.subj and first > 0 and toks[first - 1].lower in self.lex.subordinators
                and (first == 1 or toks[first - 2].text == ",")):
            # "X, who has called the plan a hoax, will speak", "While X urged a delay, Y ...":
            # the relative or subordinate clause ends at its comma
            close = next((k for k in range(a + 1, b - 1) if toks[k].text == "," and not self.in_quote(toks[k].start)
                          and not self.list_comma(toks, k)), None)
            if close is not None:
                b = close
        # a dash or semicolon and a new clause end the content ("... in May - but the union ...")
        for k in range(a + 1, b - 1):
            if (toks[k].text in ";—–" or toks[k].text == "-" and toks[k].start > toks[k - 1].end) and not self.in_quote(
                    toks[k].start) and (toks[k + 1].lower in self.lex.subordinators or toks[k + 1].lower in self.lex.adverbs
                                        or toks[k + 1].lower in self.lex.act_conjunctions):
                return k
        return b

    def _content_before(self, f: PreposedFrame) -> RawClaim | None:
        """Nothing after the cue: the content came first ('"...," Putin menegaskan.')."""
        toks, first, sent = f.toks, f.first, f.sent
        q = f.before
        if q:
            return self._claim(sent, f.speakers, f.cue, f.i, f.j, self._quote_clause_start(sent, q), q.end - 1)
        if first > 0:
            q = self._quote_before_apposition(toks, first)
            if q:
                return self._claim(sent, f.speakers, f.cue, f.i, f.j, q.start + 1, q.end - 1)
        if first > 0 and not f.participle and (toks[first - 1].text in ",:—–" or f.cue.words in self.lex.postposed_verbs):
            # "CONTENT, X said.", "CONTENT X argues." ("the hall she prefers." is no content of hers)
            return self._claim(sent, f.speakers, f.cue, f.i, f.j, sent.start, toks[first - 1].end)
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

    def _passive_participle(self, toks, i: int, j: int) -> bool:
        """A cue in the passive ("was asked", "have been told") without its agent."""
        if i == 0 or toks[i - 1].lower not in self.lex.passive_auxiliaries or (toks[i].lower,) in self.lex.stative_cues:
            return False  # ("is convinced that ...": an attitude, not a passive)
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
