"""Speaker phrases: the words that name who speaks around a cue.

:class:`SpeakerPhrases` finds the noun phrase before a preposed cue ("Ketua
KPK Budi Santoso mengatakan", "Supporters of the law hope") or after a
postposed one ('"...," said a former official'), skipping adverbs, times,
asides between commas, relative clauses and circumstances, and turns it into
:class:`SpeakerRef` speakers through :func:`canonical`. It is the base of
:class:`~factdb.extract.attribute.SentenceAttributor`, which sets ``text``,
``lex``, ``entities`` and ``quotes``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Lexicon, phrase_at
from .segment import QUOTE_CHARS, Span, Token
from .speakers import (GROUP, INSTITUTION, PERSON, Entities, SpeakerRef, canonical, is_acronym, short_form_at, with_kind,
                       short_form_before, split_mentions)
from .structures import GO_ON

# letters with periods between them: the last period of "F.B.I." is part of it too
DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


@dataclass
class SubjectScan:
    """The leftward scan for a preposed cue's subject: where it stands, the description
    an aside gave, and how many asides it passed."""
    k: int
    description: str | None = None
    asides: int = 0


@dataclass
class GroupScan:
    """The left-to-right reading of a phrase about a group of people ("Virtually all
    economists", "Supporters of the law")."""
    s: int  # the phrase's first token
    stop: int  # where a relative clause or the cue begins
    lo: int
    conj_start: int  # the first token after the last "and"
    head: bool = False  # a noun for people seen
    in_head: bool = True  # before the first preposition, participle or relative clause
    counted: bool = False  # only a number or quantifier so far: "One in four voters", "Most of the delegates"
    seen_lower_noun: bool = False


class SpeakerPhrases:
    """Finding and reading speaker phrases in a sentence's tokens."""

    text: str
    lex: Lexicon
    entities: Entities
    quotes: list[Span]

    def in_quote(self, pos: int) -> Span | None:
        at = self._quote_at()
        if 0 <= pos < len(at):
            return at[pos]
        return next((q for q in self.quotes if q.start < pos < q.end - 1), None)

    def _quote_at(self) -> list[Span | None]:
        """For each position of the text, the first quote with the position inside its marks,
        or None: worked out once per article, as it is asked for every cue and phrase."""
        at = self.__dict__.get("_quote_positions")
        if at is None:
            at = [None] * (len(self.text) + 1)
            for q in reversed(self.quotes):  # (the first quote of the list wins)
                inside = max(0, q.end - 2 - q.start)
                at[q.start + 1:q.start + 1 + inside] = [q] * inside
            if len(at) != len(self.text) + 1:
                at = []  # (a quote past the text: keep to the plain search)
            self.__dict__["_quote_positions"] = at
        return at

    def quote_ending_at(self, pos: int) -> Span | None:
        """The quote whose closing mark is at ``pos - 1`` (or just before a comma there)."""
        for q in self.quotes:
            if q.end == pos or q.end == pos - 1:
                return q
        return None

    def is_np_token(self, tok: Token, allow_lower_roles: bool = True) -> bool:
        low = tok.lower
        if tok.text in QUOTE_CHARS or tok.text in ",.;:!?":
            return False
        if low in self.lex.np_joiners:
            return True
        if tok.is_capitalized:
            return True
        if allow_lower_roles and (low in self.lex.affiliation_words or low in self.lex.title_words
                                  or low in self.lex.institution_heads):
            return True
        return False

    def _abbrev_period(self, toks, k: int) -> bool:
        """The period of an abbreviated title inside a name ("Sen. John Smith")."""
        return (toks[k].text == "." and k > 0 and (toks[k - 1].lower in self.lex.abbreviations
                                                   or len(toks[k - 1].text) == 1 and self.lex.abbreviations
                                                   or self.lex.abbreviations and DOTTED.fullmatch(toks[k - 1].text))
                and toks[k - 1].is_capitalized and toks[k - 1].end == toks[k].start)

    def np_left(self, toks, end: int, lo: int) -> tuple[int, int] | None:
        """The noun phrase that ends right before token ``end`` (a speaker), as a token range."""
        end = self._skip_age(toks, end, lo)
        k = end - 1
        if k >= lo and (toks[k].lower in self.lex.person_pronouns or toks[k].lower in self.lex.group_pronouns):
            return (k, end)
        if k >= lo and toks[k].lower in self.lex.np_joiners and not toks[k].is_capitalized:
            return None  # "X untuk menanyakan": a joiner ends no name
        start = end
        while k >= lo and (self.is_np_token(toks[k]) or self._abbrev_period(toks, k) and k - 1 >= lo) and not (
                not toks[k].is_capitalized and toks[k].lower in self.lex.adjunct_prepositions) or (
                k - 2 >= lo and toks[k].text == ")" and toks[k - 2].text == "(" and (
                    is_acronym(toks[k - 1].text)  # (or a body's short form before its place: "Dinas X (Dinsos) Provinsi Y")
                    or toks[k - 1].is_capitalized and k - 3 >= lo and toks[k - 3].is_capitalized
                    and self._place_ends(toks, k + 1, end))):
            if toks[k].text == ")":
                k -= 2  # "Ikatan Ahli ... (IAS) Kota Sukamaju X"
            start = k
            k -= 1
        # trim words that cannot start a speaker phrase
        while start < end and (toks[start].lower in self.lex.np_joiners or not toks[start].is_capitalized
                               and not self._starts_title(toks, start, end) and not self._modifies_role(toks, start, end)
                               or toks[start].lower in self.lex.sentence_openers) and not self._opening_particle(toks, start, end):
            start += 1
        if start >= end:
            return None
        if all(t.lower in self.lex.days or t.text.isdigit() for t in toks[start:end]):
            return None
        # "officials at the Pentagon", "a spokeswoman for the company": a role and its affiliation
        p = start - 1
        while p > lo and toks[p].lower in self.lex.determiners:
            p -= 1
        if p > lo and toks[p].lower in self.lex.np_prepositions and self._starts_title(toks, p - 1, p):
            start = p - 1
            while start - 1 >= lo and (toks[start - 1].lower in self.lex.affiliation_words
                                       or toks[start - 1].lower in self.lex.determiners
                                       or toks[start - 1].lower in self.lex.quantifiers):
                start -= 1
        return (start, end)

    def _place_ends(self, toks, start: int, end: int) -> bool:
        """Whether the words from ``start`` to ``end`` are only a place ("Provinsi Jawa Barat")."""
        words = [t.lower for t in toks[start:end]]
        return bool(words) and (phrase_at(words, self.lex.places) == len(words) or (
            words[0] in self.lex.place_heads and 2 <= len(words) <= 4 and all(t.is_capitalized for t in toks[start:end])))

    def _opening_particle(self, toks, start: int, end: int) -> bool:
        """A name particle that opens a name after a comma or at the start ("de Blasio said",
        "Van Morrison said")."""
        return (toks[start].lower in self.lex.name_particles and start + 1 < end
                and toks[start + 1].is_capitalized and (start == 0 or not toks[start - 1].is_word))

    def _modifies_role(self, toks, start: int, end: int) -> bool:
        """A role modifier opening a role ("former officials", "current and former aides")."""
        k = start
        if toks[k].lower not in self.lex.title_modifiers:
            return False
        while k < end and (toks[k].lower in self.lex.title_modifiers or toks[k].lower in self.lex.speaker_conjunctions):
            k += 1
        return k < end and self._starts_title(toks, k, end)

    def _starts_title(self, toks, start: int, end: int) -> bool:
        words = [t.lower for t in toks[start:end]]
        return bool(phrase_at(words, self.lex.titles) or phrase_at(words, self.lex.institution_words))

    def np_right(self, toks, start: int) -> tuple[int, int] | None:
        """The speaker phrase that starts at token ``start`` (after a postposed cue)."""
        if start < len(toks) and self._pronoun(toks[start]):
            return (start, start + 1)
        while start < len(toks) - 1 and toks[start].lower in self.lex.determiners:
            start += 1
        if start < len(toks) and not toks[start].is_capitalized and not self._function_word(toks[start]):
            described = self._description_right(toks, start)
            if described:
                return described
        k = self._name_phrase_end(toks, start)
        # a speaker phrase ends with a name or a role word, not with "dalam", "di" ...
        while k > start and (toks[k - 1].lower in self.lex.np_joiners or not toks[k - 1].is_capitalized
                             and not self._is_role_word(toks[k - 1].lower)):
            if toks[k - 1].text == ")" and k - 3 >= start and toks[k - 3].text == "(":
                break
            k -= 1
        return (start, k) if k > start else None

    def _description_right(self, toks, start: int) -> tuple[int, int] | None:
        """"a former deputy fire chief", "former secretary of state Jane Roe", "said retired
        surgeon John Doe": lower-case words up to a role or a name, or None."""
        opened = start > 0 and (toks[start - 1].lower in self.lex.determiners
                                or toks[start - 1].lower in self.lex.quantifiers
                                or (toks[start - 1].lower,) in self.lex.cues) or toks[start].lower in self.lex.quantifiers
        m = start
        while m < min(start + 9, len(toks)):
            if self._abbrev_period(toks, m):
                m += 1
                continue
            if not toks[m].is_word or self._function_word(toks[m]):
                break
            role = self._starts_title(toks, m, m + 1) and not toks[m].is_capitalized
            if role or m > start and toks[m].is_capitalized and opened and self.lex.quantifiers:
                k = self._name_run(toks, m + 1 if role else m)
                if k < len(toks) and toks[k].is_word and not toks[k].is_capitalized and not self._function_word(toks[k]):
                    m = k  # "one Senate campaign source", "former U.S. fire safety official": it goes on
                    continue
                return (start, k)
            m += 1
        return None

    def _name_phrase_end(self, toks, start: int) -> int:
        """The end of a run of name and role words from ``start`` ("Lembaga Riset Sukamaju
        (LRS)", "Menteri Koordinator Bidang Pangan, Air, dan Energi X")."""
        k = start
        while True:
            while k < len(toks) and (self.is_np_token(toks[k]) or k > start and self._abbrev_period(toks, k)
                                     or self._number_in_name(toks, k, start)):
                if toks[k].lower in self.lex.days and k > start:
                    break
                if k > start and not toks[k].is_capitalized and toks[k].lower in self.lex.adjunct_prepositions:
                    break  # "kata Kamil dalam acara ..."
                k += 1
                if short_form_at(toks, k):
                    k += short_form_at(toks, k)  # "Lembaga Riset Sukamaju (LRS)"
            # a role listing its fields: "Menteri Koordinator Bidang Pangan, Air, dan Energi X"
            if (k + 1 < len(toks) and toks[k].text == "," and k > start and self._starts_title(toks, start, k)
                    and not self._has_name(toks, (start, k))
                    and (toks[k + 1].lower in self.lex.affiliation_words or toks[k + 1].lower in self.lex.speaker_conjunctions)):
                k += 1
                continue
            return k

    @staticmethod
    def _number_in_name(toks, k: int, start: int) -> bool:
        """A number inside a body's name, between capitalized words ("Daerah Operasi 4 Sukamaju")."""
        return (k > start and toks[k].text.isdigit() and toks[k - 1].is_capitalized and toks[k - 1].is_word
                and k + 1 < len(toks) and toks[k + 1].is_capitalized and toks[k + 1].is_word)

    def _name_run(self, toks, k: int) -> int:
        """End of the capitalized words from ``k`` on, with joiners, abbreviation
        periods and a bracketed acronym ("Institute of X (IX)")."""
        while k < len(toks):
            if toks[k].is_capitalized and toks[k].is_word or self._abbrev_period(toks, k) or (
                    toks[k].lower in self.lex.np_joiners and k + 1 < len(toks) and toks[k + 1].is_capitalized):
                k += 1
            elif short_form_at(toks, k):
                k += short_form_at(toks, k)
            else:
                break
        return k

    def _is_role_word(self, low: str) -> bool:
        return low in self.lex.title_tails or low in self.lex.institution_tails

    @staticmethod
    def _skip_age(toks, end: int, lo: int) -> int:
        """Leave out an age or short note in brackets after a name: "Fenny (28)"."""
        if end - 3 >= lo and toks[end - 1].text == ")" and toks[end - 3].text == "(" and toks[end - 2].text.isdigit():
            return end - 3
        return end

    def speakers_of(self, toks, rng: tuple[int, int]) -> list[SpeakerRef]:
        if rng[1] - rng[0] == 1 and toks[rng[0]].lower in self.lex.person_pronouns and rng[0] > 0:
            # "Doe, who ..., won praise for a plan that he says ...": the sentence's subject
            lead = self.sentence_subject(toks, rng[0])
            if lead:
                return lead
        group = self._group_phrase(toks, rng)
        if group:
            return [group]
        refs: list[SpeakerRef] = []
        for mention in split_mentions(list(toks[rng[0]:rng[1]]), self.lex):
            for ref in canonical(mention, self.lex, self.entities):
                if ref.name not in {r.name for r in refs}:
                    refs.append(ref)
        return refs

    @staticmethod
    def _after_dateline(toks) -> int:
        """Where a sentence starts after its dateline ("OSLO — ...", "LIMA, May 2 (AP) - ...")."""
        if not toks or not toks[0].is_word or not is_acronym(toks[0].text):
            return 0
        for k in range(1, min(len(toks), 12)):
            if toks[k].text in "—–-":
                return k + 1
            if toks[k].is_word and not (toks[k].is_capitalized or toks[k].text.isdigit()) or toks[k].text in QUOTE_CHARS:
                return 0
        return 0

    def _head_noun(self, toks, rng) -> Token:
        """The noun before what describes a phrase ("poll" in "a new poll released Friday")."""
        words = toks[rng[0]:rng[1]]
        stop = next((m for m, t in enumerate(words) if m > 0 and (
            t.lower in self.lex.group_prepositions or t.lower in self.lex.relative_pronouns
            or not t.is_capitalized and self._participle(t))), len(words))
        return words[stop - 1]

    def _source(self, toks, rng) -> bool:
        """Whether a described phrase is a body or a document ("a new poll released Friday")."""
        return (self._head_noun(toks, rng).lower,) in self.lex.institution_words

    def _several(self, toks, rng) -> bool:
        """Whether a phrase names a group, not one person described at length ("a senior
        official who ..."): the noun before what describes it is a plural, or a number
        ("One in four voters")."""
        noun = self._head_noun(toks, rng)
        return self._plural_noun(noun) or noun.lower in self.lex.quantifiers or noun.text.isdigit()

    def _group_phrase(self, toks, rng) -> SpeakerRef | None:
        """A group of people described at length ("supporters of the law", "farmers and
        even some bankers", "people who fought the plan"): one speaker, named as written."""
        a, b = rng
        if not self.lex.group_nouns or b - a < 2 or not self._described(toks[a:b]) or self._group_subject(toks, b, a) != rng:
            return None  # (the cheap test first: most phrases are no description, "Sen. Jane Roe")
        lex = self.lex
        several = self._several(toks, rng)
        if not several and not self._source(toks, rng):
            return None
        while a < b - 1 and toks[a].lower in lex.determiners:
            a += 1
        name = " ".join(self.text[toks[a].start:toks[b - 1].end].split())
        return with_kind(SpeakerRef(name, name, GROUP if several else INSTITUTION), lex)

    def _described(self, words) -> bool:
        """Whether a phrase holds words that describe a group at length: a conjunction, a
        preposition, a relative pronoun, an adverb or a participle after its first word."""
        lex = self.lex
        return any(t.lower in lex.speaker_conjunctions or t.lower in lex.group_prepositions
                   or t.lower in lex.relative_pronouns or t.lower in lex.adverbs
                   or not t.is_capitalized and t.is_word and lex.adverb_suffixes and t.lower.endswith(lex.adverb_suffixes)
                   or m > 0 and not t.is_capitalized and self._participle(t)
                   for m, t in enumerate(words))

    def sentence_subject(self, toks, before: int) -> list[SpeakerRef] | None:
        """The named person who opens the sentence, when one does before token ``before``."""
        a = self._after_dateline(toks)
        if toks[0].lower in self.lex.sentence_openers:
            # "In the end, she said, ...": an opening adverbial is no subject
            a = next((k + 1 for k in range(before) if toks[k].text == ","), 0)
        while a < before and (toks[a].text in QUOTE_CHARS or toks[a].lower in self.lex.sentence_openers
                              or toks[a].lower in self.lex.days):
            a += 1
        if a >= before or not toks[a].is_capitalized or toks[a].lower in self.lex.person_pronouns or self.in_quote(
                toks[a].start) or any(t.text in QUOTE_CHARS for t in toks[:a + 1]):
            return None
        rng = self.np_right(toks, a)
        if not rng or rng[1] > before:
            return None
        refs = self.speakers_of(toks, rng)
        if len(refs) == 1 and refs[0].kind == PERSON and refs[0].name.split()[0][:1].isupper() and (
                refs[0].description is None or refs[0].name != refs[0].description) and (
                len(refs[0].name.split()) > 1 or rng[0] > 0 or any(k.name == refs[0].name for k in self.entities.known)):
            return refs  # (one capitalized word opening the sentence may be any word: "Weeks later, she ...")
        return None

    def subject(self, toks, cue_start: int, lo: int = 0, parenthetical: bool = False):
        """Speaker phrase to the left of a preposed cue, skipping adverbs and
        up to three comma-enclosed asides ("Xi, berbicara melalui ..., menyerukan").
        Returns (token range, description) or None."""
        s = SubjectScan(self._subject_end(toks, cue_start, lo))
        in_role = self._name_in_role(toks, s.k, lo)
        if in_role:
            return in_role
        if s.k - 1 > lo and toks[s.k - 1].text == "," and self.lex.relative_pronouns:
            found = self._subject_of_relative(toks, s.k, lo)
            if found:
                return found
        for _ in range(5):
            if s.k - 1 >= lo and toks[s.k - 1].text == ",":
                found = self._comma_aside(toks, s, lo)
            else:
                found = self._subject_at(toks, s, lo, cue_start, parenthetical)
            if found is not GO_ON:
                return found or self._opening_name_of_role(toks, cue_start, lo)
        return None

    def _name_in_role(self, toks, k: int, lo: int):
        """"Rudi Hartono selaku Ketua Tim X mengatakan": the name before the role marker,
        which opens the clause, with the role after it. (name range, role) or None."""
        if not self.lex.role_markers:
            return None
        m = next((m for m in range(k - 2, lo, -1) if toks[m].lower in self.lex.role_markers
                  or toks[m].text in ",;:"), None)
        if m is None or toks[m].lower not in self.lex.role_markers:
            return None
        named = self.np_left(toks, m, lo)
        if named and named[1] == m and self._clause_initial(toks, named[0], lo) and toks[named[0]].is_capitalized:
            return named, self.text[toks[m + 1].start:toks[k - 1].end]
        return None

    def _opening_name_of_role(self, toks, cue_start: int, lo: int):
        """"NAME, ROLE dari BODY (ACRONYM) yang diundang ... CUE": a clause that opens with a
        bare name and a comma, then a role running to the cue with no comma of its own."""
        k = self._subject_end(toks, cue_start, lo)
        comma = next((m for m in range(lo + 1, k) if toks[m].text == ","), None)
        if comma is None or comma + 1 >= k or any(t.text in ",;:" for t in toks[comma + 1:k]):
            return None
        return self._name_of_role(toks, (comma + 1, k), k, lo)

    def _subject_end(self, toks, cue_start: int, lo: int) -> int:
        """The token after the subject phrase: before the cue, past adverbs, times, a
        relative clause, a bracket or an aside between dashes."""
        k = self._skip_time(toks, self._skip_suffix_adverbs(toks, self._skip_time(toks, cue_start, lo), lo), lo)
        if k - 1 >= lo and k < cue_start and toks[k].lower in self.lex.days and toks[k - 1].lower in self.lex.cue_adjuncts:
            k -= 1  # "X on Sunday defended ..."
        if k - 2 > lo and toks[k - 1].text in QUOTE_CHARS and toks[k - 2].text == "," and self.lex.relative_pronouns:
            # 'X, who calls Y a “liar,” said ...': a quote closing an aside inside the clause
            q = self.quote_ending_at(toks[k - 1].end)
            if q and q.start > toks[lo].start + 1:
                k -= 1
        rel = next((m for m in range(k - 1, max(lo, k - 4) - 1, -1) if toks[m].lower in self.lex.relative_pronouns), None)
        if rel is not None and rel - 1 >= lo and toks[rel - 1].text == "," and all(
                t.is_word and not t.is_capitalized for t in toks[rel + 1:k]):
            k = rel - 1  # "X, who said ...", "X, who last year threatened ..."
        if k - 1 >= lo and toks[k - 1].text == ")" and not short_form_before(toks, k - 1, lo):
            # "Sen. X (D-Vt.) said"; a bracketed acronym belongs to the name ("... Watch (ICW)")
            k = self._skip_parenthesis(toks, k - 1, lo)
        if k - 1 >= lo and toks[k - 1].text in "—–":
            # "the Ledger—a small paper—reported": an aside between dashes
            m = next((m for m in range(k - 2, max(lo, k - 30) - 1, -1) if toks[m].text in "—–"), None)
            if m is not None and m > lo:
                k = m
        return k

    def _subject_of_relative(self, toks, k: int, lo: int):
        """"X, who lost ... in Aurora, Colorado, in 2012, said": the relative clause may
        hold commas of its own; the subject is the phrase before ", who"."""
        for m in range(k - 3, max(lo, k - 40), -1):
            if toks[m].lower in self.lex.relative_pronouns and toks[m - 1].text == "," and not self.in_quote(toks[m].start):
                rng = self.np_left(toks, m - 1, lo)
                if rng and rng[1] == m - 1 and self._clause_initial(toks, rng[0], lo) and toks[rng[0]].is_capitalized:
                    return rng, self._segment_description(toks, lo, rng[0] - 1)
                return None
        return None

    def _comma_aside(self, toks, s: SubjectScan, lo: int):
        """An aside between commas before the cue: a name (the subject), or a role, a day,
        a relative clause to skip. Returns the subject, None, or GO_ON with ``s`` moved left."""
        k = s.k
        j = k - 2
        while j >= lo and toks[j].text != ",":
            j -= 1
        seg = (j + 1, k - 1)
        if all(t.text.isdigit() for t in toks[seg[0]:seg[1]]) and j >= lo:
            s.k = j  # an age between commas ("Lee, 54, said")
            return GO_ON
        rng = self.np_left(toks, k - 1, seg[0])
        titled = self._starts_title(toks, seg[0], seg[1])
        named = titled and self._has_name(toks, seg)
        before = self.np_left(toks, j, lo) if j > lo else None
        # "Hartono, kuasa hukum Sulaiman, ..." describes the name before it;
        # "Kandidat doktor X, dokter Rina Lestari, ..." names the role before it
        role_before = before is not None and self._starts_title(toks, before[0], before[1])
        # (an age may stand after the name: "Rudi (41), warga X, ...")
        p = self._skip_age(toks, j, lo)
        appositive_role = (titled and p > lo and toks[p - 1].is_capitalized and toks[p - 1].is_word
                           and (not named or not role_before))
        place = self._is_place(toks, rng) if rng else False  # ("Kecamatan Sukamaju": a place head too)
        if (rng and rng[0] == seg[0] and (toks[seg[0]].is_capitalized or named)
                and not self._is_time(toks, rng) and not appositive_role
                and not (place and j >= lo and toks[j - 1].is_capitalized)):  # "in Aurora, Colorado, ..."
            # a name standing between commas ("..., Rina Lestari, Senin, mengatakan")
            return rng, s.description or self._segment_description(toks, lo, j)
        if self._described_name_aside(toks, seg, j, lo):
            return seg, None  # "one prominent conservative, radio host Dennis Roe, disagrees": Roe
        s.description = s.description or self._description(toks, seg)
        if j < lo:
            return None
        s.k = self._skip_time(toks, j, lo)
        s.asides += 1
        self._second_aside(toks, s, lo)
        return GO_ON

    def _described_name_aside(self, toks, seg, j: int, lo: int) -> bool:
        """A description in lower case then a full name, set off by commas after a phrase
        in lower case that names no one: the name is who speaks."""
        if not (j > lo and toks[j - 1].is_word and not toks[j - 1].is_capitalized) \
                or toks[seg[0]].is_capitalized or seg[1] - seg[0] < 3:
            return False
        if not all(t.is_capitalized and t.is_word for t in toks[seg[1] - 2:seg[1]]):
            return False
        refs = self.speakers_of(toks, seg)
        return len(refs) == 1 and refs[0].kind == PERSON and len(refs[0].name.split()) >= 2 \
            and refs[0].name != refs[0].description

    def _second_aside(self, toks, s: SubjectScan, lo: int) -> None:
        """A second aside starting lower case ("X, chief executive of Y, a Z company, said")."""
        k = s.k
        j2 = k - 1
        while j2 >= lo and toks[j2].text != ",":
            j2 -= 1
        if j2 >= lo and j2 + 1 < k and all(t.text.isdigit() for t in toks[j2 + 1:k]):
            s.k = j2 + 1  # an age: "Lee, 54, a former prosecutor, said"
        elif j2 >= lo and j2 + 1 < k and not toks[j2 + 1].is_capitalized and not (
                # a circumstance ("saat dihubungi") is left to the asides below
                toks[j2 + 1].lower in self.lex.adjunct_prepositions or toks[j2 + 1].lower in self.lex.relativizers) and (
                toks[j2 + 1].lower in self.lex.determiners or toks[j2 + 1].lower in self.lex.affiliation_words
                or toks[j2 + 1].lower in self.lex.sentence_openers or toks[j2 + 1].lower in self.lex.relative_pronouns
                or self._starts_title(toks, j2 + 1, k)):
            s.description = s.description or self._description(toks, (j2 + 1, k))
            s.k = j2 + 1

    def _subject_at(self, toks, s: SubjectScan, lo: int, cue_start: int, parenthetical: bool):
        """The noun phrase ending at ``s.k``: a group, a name before its role, a phrase
        opening the clause, or what stands before a place or a preposition."""
        k, description = s.k, s.description
        rng = self.np_left(toks, k, lo)
        common = self._common_noun_left(toks, k, lo)
        if common and (rng is None or common[0] < rng[0]):
            rng = common
        group = self._group_with_time(toks, k, lo, cue_start, rng)
        if group:
            return group, description
        if rng and self.lex.determiners:
            rng = self._noun_before_source(toks, rng, lo) or rng
        listed = self._listed(toks, rng, lo) if rng else None
        if listed:
            return listed, description
        if rng and all(t.lower in self.lex.proper_modifiers for t in toks[rng[0]:rng[1]]):
            # "sebagian umat Islam menilai": the people of that faith, not someone called Islam
            group = self._group_subject(toks, rng[0], lo)
            if group:
                return (group[0], rng[1]), description
        named = self._name_before_role(toks, rng, lo, s.asides, parenthetical) if rng else None
        if named:
            return named
        if rng and s.asides and rng[0] - 1 > lo and toks[rng[0] - 1].text == "," and self._is_place(toks, rng):
            # "X, warga Y, Sukamaju, misalnya, mengatakan": the place ends the aside before it
            s.k = rng[0]
            return GO_ON
        if rng and self._clause_initial(toks, rng[0], lo):
            return rng, description or self._segment_description(toks, lo, rng[0] - 1)
        found = self._subject_beyond(toks, rng, k, lo, description)
        if found:
            return found
        if rng is None:
            return self._aside_without_commas(toks, s, lo)
        return rng, description or self._segment_description(toks, lo, rng[0] - 1)

    def _group_with_time(self, toks, k: int, lo: int, cue_start: int, rng):
        """"Supporters of the law hope", "Virtually all economists say": the whole group,
        with the time that ends it ("voters in a poll last year said"), or None."""
        group = self._group_subject(toks, k, lo)
        if not group:
            return None
        e = group[1]
        while e < cue_start and (toks[e].lower in self.lex.days and toks[e].is_capitalized
                                 or toks[e].lower in self.lex.time_words
                                 or e + 1 < cue_start and toks[e].lower in self.lex.cue_adjuncts
                                 and (toks[e + 1].lower in self.lex.time_words
                                      # "a poll released on Monday"
                                      or toks[e + 1].lower in self.lex.days and toks[e + 1].is_capitalized
                                      and self._participle(toks[e - 1]))):
            e += 1
        if (rng is None or group[0] < rng[0] or group[0] == rng[0] and e > rng[1]) and (
                self._several(toks, group) or self._source(toks, group)):
            return (group[0], e)
        return None

    def _listed(self, toks, rng, lo: int):
        """"Kementerian X, Kementerian Y, dan BNPB mengimbau": the last of a list of names set
        off by commas, opening the clause; the whole list, or None."""
        k = rng[0] - 1
        if not (k - 1 > lo and toks[k].lower in self.lex.speaker_conjunctions and toks[k - 1].text == ","
                and self._speaker_like(toks, rng)):
            return None
        end = k - 1
        while True:
            item = self.np_left(toks, end, lo)
            if not item or item[1] != end or not self._speaker_like(toks, item):
                return None  # ("Dinas Tenaga Kerja, Transmigrasi, dan Energi": the fields of a role)
            if self._clause_initial(toks, item[0], lo) and (item[0] == lo or toks[item[0] - 1].text != ","):
                return (item[0], rng[1])
            if toks[item[0] - 1].text != ",":
                return None
            end = item[0] - 1

    def _speaker_like(self, toks, rng) -> bool:
        """A capitalized phrase that can speak on its own: a title or a body, an acronym, a
        person named before (not the field of a role: "Transmigrasi", "Cipta Karya")."""
        return toks[rng[0]].is_capitalized and (
            self._starts_title(toks, *rng) or is_acronym(toks[rng[0]].text)
            or self.entities.by_short_name([t.text for t in toks[rng[0]:rng[1]]]) is not None)

    def _name_before_role(self, toks, rng, lo: int, asides: int, parenthetical: bool):
        """"NAME, ROLE, ... mengatakan", "Sam Lee, the communications director for the party
        said": the role describes the name before it. (name range, role) or None."""
        if rng[0] - 1 > lo and toks[rng[0] - 1].text == "," and self._starts_title(toks, *rng) \
                and not parenthetical and (not self._has_name(toks, rng) or asides and self._bare_name_opens(toks, rng, lo)):
            # (after an aside, a bare name opening the sentence is the speaker even when the
            # role looks named: "Budi, Kepala Gudang X Sukamaju, Sukamaju Selatan, mengatakan")
            named = self.np_left(toks, rng[0] - 1, lo)
            if named and self._clause_initial(toks, named[0], lo) and not self._starts_title(toks, *named) \
                    and not self._opener(toks, named):
                return named, self.text[toks[rng[0]].start:toks[rng[1] - 1].end]
        if not parenthetical and not toks[rng[0]].is_capitalized and self.lex.determiners:
            # the closing comma left out after the role
            p, r0 = rng[0] - 1, rng[0]
            while r0 < rng[1] and toks[r0].lower in self.lex.determiners:
                r0 += 1
            if p > lo and r0 > rng[0] and toks[p].text == "," and any(
                    t.lower in self.lex.title_words for t in toks[r0:min(rng[1], r0 + 3)]):
                named = self.np_left(toks, p, lo)
                if named and named[1] == p and toks[named[0]].is_capitalized and self._clause_initial(toks, named[0], lo) \
                        and not self._starts_title(toks, *named) and self._has_name(toks, named):
                    return named, self.text[toks[r0].start:toks[rng[1] - 1].end]
        return None

    def _subject_beyond(self, toks, rng, k: int, lo: int, description):
        """A subject further left: before a place or a preposition ("X di Sukamaju, Rabu,
        mengatakan"), before "dari" and a body, or before a relative clause."""
        if rng is None or rng[1] - rng[0] == 1 or self._is_place(toks, rng):
            # "X di Sukamaju, Rabu, mengatakan": the place is not the speaker
            alt = self._subject_before_preposition(toks, rng[0] if rng else k, lo)
            if alt:
                return self._name_of_role(toks, alt, k, lo) or (alt, description)
        if rng and rng[0] - 2 >= lo and toks[rng[0] - 1].lower in self.lex.affiliation_prepositions:
            # "Reza dari PT Sukamaju mengatakan": the person, from the body
            named = self.np_left(toks, rng[0] - 1, lo)
            if named and named[1] == rng[0] - 1 and self._clause_initial(toks, named[0], lo):
                if not self._starts_title(toks, *named) and self._has_name(toks, named):
                    return named, self.text[toks[rng[0] - 1].start:toks[rng[1] - 1].end]
                of_role = self._name_of_role(toks, named, k, lo)  # "Rina, dokter dari RS X mengatakan"
                if of_role:
                    return of_role
                if self._starts_title(toks, *named) and not self._has_name(toks, named) and rng[1] - rng[0] >= 3:
                    # "Pengamat politik dari Universitas X Rina Lestari": one titled phrase
                    return (named[0], rng[1]), description
        rel = self._relative_subject(toks, rng[0] if rng else k, lo)
        return (self._name_of_role(toks, rel, k, lo) or (rel, description)) if rel else None

    def _opener(self, toks, rng) -> bool:
        """A word opening the sentence set off by a comma ("Belakangan, warga ..."), not a name."""
        return rng[1] - rng[0] == 1 and toks[rng[0]].lower in self.lex.sentence_openers

    def _name_of_role(self, toks, role, k: int, lo: int):
        """"Rina Lestari, dokter dari Puskesmas X mengatakan", "X, Health Officer dari Y yang
        diundang ... mengatakan": a role with no closing comma describes the bare name
        before it. (name range, role up to the cue) or None."""
        if not (role[0] - 1 > lo and toks[role[0] - 1].text == ","
                and any(self._starts_title(toks, m, role[1]) for m in range(role[0], min(role[1], role[0] + 3))
                        if all(t.is_capitalized for t in toks[role[0]:m]))):
            return None  # ("Health Officer dari ...": a title word after a capitalized modifier)
        if not self._bare_name_opens(toks, role, lo):
            return None
        named = self.np_left(toks, role[0] - 1, lo)
        return named, self.text[toks[role[0]].start:toks[k - 1].end]

    def _aside_without_commas(self, toks, s: SubjectScan, lo: int):
        """Another aside before this one ("X, saat dihubungi, Senin, mengatakan"): GO_ON
        with ``s`` moved left, or None."""
        k = s.k
        j = k - 1
        while j >= lo and toks[j].text != ",":
            j -= 1
        if j > lo and j + 1 < k and not toks[j + 1].is_capitalized and (
                toks[j + 1].lower in self.lex.adjunct_prepositions or toks[j + 1].lower in self.lex.relativizers
                or (toks[j + 1].lower,) in self.lex.trailing_adjuncts) and (
                toks[j + 1].lower not in self.lex.relative_pronouns):
            # (", who ran a shop that sold ...": the cue is the relative clause's own)
            s.description = s.description or self._description(toks, (j + 1, k))
            s.k = self._skip_time(toks, j, lo)
            s.asides += 1
            return GO_ON
        return None

    def _pronoun(self, tok: Token) -> bool:
        """A personal or group pronoun ("she", "they", "mereka")."""
        return tok.lower in self.lex.person_pronouns or tok.lower in self.lex.group_pronouns

    def _plural_noun(self, tok: Token) -> bool:
        """A word that may name several of something: "many", or a plural ("voters", "plans")."""
        low = tok.lower
        suffix = self.lex.plural_suffix
        return low in self.lex.group_nouns or bool(suffix) and tok.is_word and low.endswith(suffix) and len(low) > 3 \
            and not low.endswith(self.lex.singular_endings) and low not in self.lex.stopwords and low not in self.lex.adverbs

    def _participle(self, tok: Token) -> bool:
        """A word with a participle's ending ("briefed", "calling")."""
        endings = self.lex.past_endings + self.lex.present_endings
        return bool(endings) and tok.is_word and len(tok.lower) > 3 and tok.lower.endswith(endings)

    def _people_noun(self, tok: Token) -> bool:
        """A word for people who can speak: "people", "many", a role or body ("officials",
        "analysts", "polls"), a plural with an ending for people ("technologists"), or a
        capitalized plural ("Republicans")."""
        low = tok.lower
        lex = self.lex
        if low in lex.group_nouns or (low,) in lex.titles or (low,) in lex.institution_words:
            return True
        return self._plural_noun(tok) and (tok.is_capitalized and not tok.text[0].isdigit()
                                           or low.endswith(lex.people_endings) if lex.people_endings else False)

    def _group_subject(self, toks, end: int, lo: int) -> tuple[int, int] | None:
        """'Supporters of the law hope ...', 'Virtually all economists say ...', 'Farmers
        and even some bankers say ...', 'people who fought the plan say ...': the whole
        phrase about a group of people that opens the clause of a cue ending at ``end``.
        None when the words before the cue hold a clause of their own or a name."""
        if not self.lex.group_nouns or end <= lo:
            return None
        s = self._group_start(toks, end, lo)
        if s is None:
            return None
        rel = next((m for m in range(s, end) if toks[m].lower in self.lex.relative_pronouns), None)
        if rel is not None and not self._group_relative_ok(toks, s, end, rel):
            return None
        g = GroupScan(s=s, stop=end if rel is None else rel, lo=lo, conj_start=s)
        for m in range(s, g.stop):
            if toks[m].is_word and not self._group_word(toks, m, g):  # (not an abbreviation's period)
                return None
        return (s, end) if g.head else None

    def _group_start(self, toks, end: int, lo: int) -> int | None:
        """Where the clause of the words before ``end`` starts, past an opening connective;
        None when the phrase cannot be a subject."""
        lex = self.lex
        s = end
        while s - 1 >= lo and (toks[s - 1].is_word or self._abbrev_period(toks, s - 1)) \
                and toks[s - 1].lower not in lex.subordinators and toks[s - 1].lower not in lex.complementizers \
                and not (toks[s - 1].lower in lex.event_subordinators and toks[s - 1].lower not in lex.relativizers):
            s -= 1  # (nor a subordinate clause's opener: "... masih terjadi mengingat sebagian warga menilai")
        if s - 1 >= lo and not toks[s - 1].is_word and not (toks[s - 1].text in ",;:(—–" or toks[s - 1].text in QUOTE_CHARS):
            return None
        while s < end and toks[s].lower in lex.sentence_openers and toks[s].lower not in lex.determiners \
                and toks[s].lower not in lex.group_nouns and toks[s].lower not in lex.quantifiers:
            s += 1  # "But many voters say", "Now analysts say"
        if s >= end or end - s > 16:
            return None
        last = toks[end - 1].lower
        if (last in lex.group_prepositions or last in lex.determiners or last in lex.possessive_determiners
                or lex.possessive_suffixes and last.endswith(lex.possessive_suffixes)):
            return None  # "... relies on user reports", "slaying all comers by talking": not a subject
        return s

    def _group_relative_ok(self, toks, s: int, end: int, rel: int) -> bool:
        """"people who fought the plan say": a relative clause on the group's noun."""
        lex = self.lex
        after = toks[rel + 1] if rel + 1 < end else None
        if (rel == s or after is None or toks[rel - 1].lower in lex.group_prepositions
                or after.is_capitalized or after.lower in lex.determiners or after.lower in lex.quantifiers
                or self._plural_noun(after)):
            return False  # "who said", "a meeting in which organizers said": the cue is the relative clause's own
        # ("Two officials who asked not to be named said": the role names them well enough)
        return toks[rel - 1].lower in lex.group_nouns

    def _group_word(self, toks, m: int, g: GroupScan) -> bool:
        """Read one word of a group phrase into ``g``; False when it shows the words are
        no group subject (a verb, a pronoun, a clause, a name)."""
        lex, t = self.lex, toks[m]
        low = t.lower
        if (low in lex.finite_verbs or low in lex.person_pronouns or low in lex.group_pronouns or low in lex.negations
                or (low,) in lex.cues or (low in lex.act_conjunctions and low not in lex.speaker_conjunctions)):
            return False
        nxt = toks[m + 1] if m + 1 < g.stop else None
        if low in lex.speaker_conjunctions:
            prev = toks[m - 1] if m > g.s else None
            if g.in_head and not (prev is not None and (self._plural_noun(prev) or (prev.lower,) in lex.titles
                                                        or prev.lower in lex.affiliation_words)
                                  and m - g.conj_start <= 3):
                return False  # "The plan failed and critics say": a clause before "and"
            g.conj_start = m + 1
            g.seen_lower_noun = False
            return True
        if low in lex.group_prepositions:
            g.counted = g.in_head and not g.head and m > g.s and all(
                x.lower in lex.quantifiers or x.lower in lex.determiners or x.text.isdigit() for x in toks[g.s:m])
            g.in_head = False
            return True
        if m > g.s and not t.is_capitalized and self._participle(t):
            verdict = self._group_participle(toks, m, nxt, g)
            if verdict is not None:
                return verdict
        if g.counted and self._people_noun(t):
            g.head = True
            g.counted = False
        return self._group_head_word(toks, m, nxt, g) if g.in_head else True

    def _group_participle(self, toks, m: int, nxt, g: GroupScan) -> bool | None:
        """A participle in a group phrase: a verb and its object ("The move angered voters
        who ...": False), a reduced relative ("people briefed on ...": True), or None."""
        lex, prev = self.lex, toks[m - 1]
        if toks[m].lower.endswith(lex.past_endings) and prev.is_word and not prev.lower in lex.determiners \
                and prev.lower not in lex.group_prepositions and prev.lower not in lex.quantifiers and not (
                lex.possessive_suffixes and prev.lower.endswith(lex.possessive_suffixes)) and nxt is not None and not (
                nxt.lower in lex.group_prepositions or nxt.lower in lex.adverbs or nxt.lower in lex.days
                or nxt.lower in lex.time_words or nxt.lower in lex.speaker_conjunctions):
            return False
        if prev.is_word and (self._plural_noun(prev) or self._people_noun(prev)):
            g.in_head = False  # "people briefed on ...", "activists clamoring to ..."
            return True
        return None

    def _group_head_word(self, toks, m: int, nxt, g: GroupScan) -> bool:
        """A word of the group's head (before any preposition, participle or relative clause)."""
        lex, t = self.lex, toks[m]
        low = t.lower
        if t.is_capitalized and not t.text[0].isdigit():
            cs = g.conj_start
            opened = m > cs and all(x.lower in lex.determiners or x.lower in lex.quantifiers
                                    or x.lower in lex.affiliation_words or x.is_capitalized or not x.is_word
                                    for x in toks[cs:m]) and (
                not toks[cs].is_capitalized or toks[cs].lower in lex.determiners)
            if g.seen_lower_noun or not (m == g.lo or m == cs and m == g.s or low in lex.affiliation_words
                                         or self._plural_noun(t) or low in lex.quantifiers or opened):
                # a name ("Jane Roe and other leaders"), or "the vote Republicans"
                # (but "a new Harbor Research poll": a name inside the group's description)
                return False
        elif not (low in lex.determiners or low in lex.quantifiers or low in lex.adverbs
                  or low in lex.affiliation_words
                  or lex.adverb_suffixes and low.endswith(lex.adverb_suffixes)):
            g.seen_lower_noun = True
        if self._people_noun(t):
            g.head = True
        if (self._plural_noun(t) or self._people_noun(t)) and nxt is not None and nxt.is_word and not (
                nxt.lower in lex.group_prepositions or nxt.lower in lex.speaker_conjunctions
                or nxt.lower in lex.postnominal_modifiers or nxt.lower in lex.adverbs
                or nxt.lower in lex.days or nxt.lower in lex.time_words
                or not nxt.is_capitalized and self._participle(nxt)
                or self._people_noun(nxt)):
            return False  # "The plan gives voters ...", "the party chose ...": a verb and its object
        return True

    def _skip_suffix_adverbs(self, toks, k: int, lo: int) -> int:
        """Move left over adverbs the list does not name ("critics sharply denounced"),
        when a noun still stands before them ("The family said" keeps its noun)."""
        if k - 3 >= lo and self._manner_phrase_ends(toks, k) and toks[k - 3].is_word:
            k -= 2  # "X secara terbuka mengatakan", "X dengan tegas menolak"
        suffixes = self.lex.adverb_suffixes
        while suffixes and k - 2 >= lo:
            t, before = toks[k - 1], toks[k - 2]
            if not (t.is_word and not t.is_capitalized and t.lower.endswith(suffixes) and len(t.lower) > 4
                    and not self._is_role_word(t.lower) and t.lower not in self.lex.title_words
                    and before.is_word and before.lower not in self.lex.determiners
                    and before.lower not in self.lex.quantifiers
                    and not (self.lex.possessive_suffixes and before.lower.endswith(self.lex.possessive_suffixes))):
                break
            k -= 1
        return k

    def _skip_adverbs_left(self, toks, i: int) -> int:
        while i > 1:
            if toks[i - 1].lower in self.lex.adverbs:
                i -= 1
            elif i > 2 and self._manner_phrase_ends(toks, i):
                i -= 2  # "secara terbuka", "dengan tegas"
            else:
                break
        return i

    def _manner_phrase_ends(self, toks, k: int) -> bool:
        """Whether a manner phrase of two words ("secara terbuka") ends right before ``k``."""
        return toks[k - 2].lower in self.lex.manner_openers and toks[k - 1].is_word and not toks[k - 1].is_capitalized

    def _skip_parenthesis(self, toks, close: int, lo: int) -> int:
        """Index of the "(" that opens the parenthesis closing at ``close``."""
        k = close - 1
        while k >= lo and toks[k].text != "(" and close - k < 8:
            k -= 1
        return k if k >= lo and toks[k].text == "(" and k > lo else close + 1

    def _common_noun_left(self, toks, end: int, lo: int) -> tuple[int, int] | None:
        """A short phrase opened by a determiner that fills the whole place of the
        subject ("..., the airline said", "The company said ...")."""
        k = end - 1
        while k >= lo and toks[k].is_word and end - k <= 5:
            k -= 1
        start = k + 1
        if not (k < lo or toks[k].text in ",;:" or toks[k].text in QUOTE_CHARS):
            return None
        if start < end - 2 and toks[start].lower in self.lex.act_conjunctions:
            start += 1  # ", and tourism economists say"
        if end - start < 2:
            return None
        if toks[start].lower not in self.lex.determiners and toks[start].lower not in self.lex.quantifiers:
            # "tourism economists say": lower-case words before a role, with no determiner
            if not (self.lex.determiners and toks[end - 1].lower in self.lex.title_words
                    and all(t.is_word and not t.is_capitalized and not self._function_word(t) for t in toks[start:end])):
                return None
        if any(self._function_word(t) for t in toks[start + 1:end]):
            return None
        if any(t.lower.endswith(self.lex.past_endings) and (p.lower,) in self.lex.titles
               for p, t in zip(toks[start:end - 1], toks[start + 1:end])) if self.lex.past_endings else False:
            return None  # "The senator emailed supporters": a verb after the role
        return (start, end)

    def _noun_before_source(self, toks, rng, lo: int):
        """'A survey by the Gazette finds ...', 'Court papers from Acme show ...': a
        clause-opening noun before a preposition and the named source."""
        p = rng[0] - 1
        while p > lo and toks[p].lower in self.lex.determiners:
            p -= 1
        if not (p > lo and (toks[p].lower in self.lex.np_prepositions or toks[p].lower in self.lex.name_joiners
                            or toks[p].lower in self.lex.passive_agents)):
            return None
        if not toks[p - 1].is_word or toks[p - 1].is_capitalized or self._function_word(toks[p - 1]):
            return None
        start = p - 1
        while start - 1 >= lo and rng[0] - start < 6 and toks[start - 1].is_word and not self._function_word(toks[start - 1]) \
                or start - 1 >= lo and toks[start - 1].lower in self.lex.determiners:
            start -= 1
        if start > lo and not (toks[start - 1].text in ",;:" or toks[start - 1].text in QUOTE_CHARS):
            return None
        return (start, rng[1])

    def _function_word(self, tok: Token) -> bool:
        low = tok.lower
        return (low in self.lex.stopwords and low not in self.lex.np_joiners or low in self.lex.adverbs
                or low in self.lex.cue_adjuncts or low in self.lex.subordinators or low in self.lex.relative_pronouns
                or low in self.lex.complementizers or (low,) in self.lex.cues
                or low in self.lex.person_pronouns or low in self.lex.group_pronouns)

    def _has_name(self, toks, rng) -> bool:
        """Whether a titled phrase holds a name ("Komisaris Budiman") or is only a role
        ("Wali Kota Sukamaju Selatan")."""
        refs = [r for mention in split_mentions(list(toks[rng[0]:rng[1]]), self.lex)
                for r in canonical(mention, self.lex, Entities(self.lex))]
        return len(refs) == 1 and refs[0].kind == PERSON and refs[0].name != refs[0].description

    def _place_words(self, words: list[str]) -> bool:
        """A place, or a place and its part ("Sukamaju Utara")."""
        n = phrase_at(words, self.lex.places)
        return n > 0 and all(w in self.lex.compass_words for w in words[n:])

    def _is_place(self, toks, rng) -> bool:
        words = tuple(t.lower for t in toks[rng[0]:rng[1]])
        return self._place_words(list(words)) or words in self.lex.governments or (
            len(words) > 1 and words[0] in self.lex.place_heads and toks[rng[0] + 1].is_capitalized)  # "Desa X"

    def _skip_time(self, toks, k: int, lo: int) -> int:
        """Move left over adverbs, negations and times ("Senin (5/10/2020) sore")."""
        while k - 1 >= lo:
            t = toks[k - 1]
            if t.lower in self.lex.adverbs or t.lower in self.lex.negations or t.lower in self.lex.days \
                    or t.lower in self.lex.time_words:
                k -= 1
            elif t.text == ")" and k - 3 >= lo and toks[k - 3].text == "(" and not toks[k - 2].text[0].isalpha():
                k -= 3
            else:
                break
        return k

    def _clause_initial(self, toks, start: int, lo: int) -> bool:
        if start <= lo:
            return True
        before = toks[start - 1]
        return before.text in ",;:(—–" or before.text in QUOTE_CHARS or before.lower in self.lex.sentence_openers \
            and start - 1 == lo

    def _subject_before_preposition(self, toks, end: int, lo: int):
        """'SPEAKER di Sukamaju, Rabu, mengatakan' / 'SPEAKER dalam keterangan ... menyebutkan':
        the clause-initial phrase before a circumstance."""
        for t in range(end - 1, max(lo, end - 12) - 1, -1):
            tok = toks[t]
            if tok.text == "," and t > lo and toks[t + 1].lower not in self.lex.relative_pronouns \
                    and phrase_at([x.lower for x in toks[t + 1:t + 4]], self.lex.trailing_adjuncts):
                # "X, dihubungi dari Jakarta, Selasa, mengatakan": the phrase before the circumstance
                rng = self.np_left(toks, t, lo)
                return rng if rng and rng[1] == t and self._clause_initial(toks, rng[0], lo) else None
            if tok.text in ",;:" or tok.text in QUOTE_CHARS:
                return None
            if tok.lower in self.lex.adjunct_prepositions and not tok.is_capitalized and t > lo:
                # ("X, di Jakarta, Jumat, mengatakan": the circumstance set off by commas)
                e = t - 1 if toks[t - 1].text == "," and t - 1 > lo else t
                rng = self.np_left(toks, e, lo)
                if rng and rng[1] == e and self._clause_initial(toks, rng[0], lo) and not self._is_time(toks, rng):
                    return rng
        return None

    def _relative_subject(self, toks, end: int, lo: int):
        """'SPEAKER yang ... CUE' ("X yang juga hadir di Gedung Y berharap ...",
        "aides who met the mayor said ..."): the speaker is the phrase
        before the relative clause, which starts the clause."""
        for y in range(end - 1, max(lo, end - 15) - 1, -1):
            t = toks[y]
            if t.text in ",;:" or t.text in QUOTE_CHARS:
                return None
            if (t.lower in self.lex.relativizers or t.lower in self.lex.relative_pronouns
                    and toks[y - 1].text != ",") and y > lo:  # (", who ...," is an aside, handled before)
                if all(x.lower in self.lex.adverbs or self.lex.adverb_suffixes and x.lower.endswith(self.lex.adverb_suffixes)
                       for x in toks[y + 1:end]):
                    return None  # "X yang juga Ketua Y Z mengatakan": the phrase itself speaks
                rng = self.np_left(toks, y - 1 if toks[y - 1].text == "," else y, lo)
                if rng:
                    # "A city official who ...": determiners and modifiers open the phrase
                    s0 = rng[0]
                    while s0 > lo and (toks[s0 - 1].lower in self.lex.determiners or toks[s0 - 1].lower in self.lex.quantifiers
                                       or toks[s0 - 1].lower in self.lex.title_modifiers
                                       or toks[s0 - 1].lower in self.lex.affiliation_words and self.lex.determiners):
                        s0 -= 1
                    if s0 == lo or toks[s0 - 1].text == ",":
                        return (s0, rng[1])
                return None
        return None

    def _role_anaphor(self, toks, start: int):
        """A short role phrase closed by a demonstrative ("politisi senior Partai X ini")
        and the person it points back to."""
        if start >= len(toks) or not self._starts_title(toks, start, min(len(toks), start + 4)):
            return None
        for m in range(start + 1, min(len(toks), start + 8)):
            if not toks[m].is_word:
                return None
            if toks[m].lower in self.lex.demonstratives:
                if m + 1 < len(toks) and toks[m + 1].is_word:
                    return None
                words = [t.lower for t in toks[start:m]]
                n = phrase_at(words, self.lex.titles) or 1
                ref = self.entities.by_role(" ".join(words[:n])) or self.entities.last_person()
                return ([ref], m + 1) if ref else None
        return None

    def _described_referent(self, toks, start: int):
        """A long role description closed by a demonstrative and a comma
        ("doktor hukum ... itu,"), and the speaker it points back to."""
        if start >= len(toks) or not self._starts_title(toks, start, min(len(toks), start + 4)):
            return None
        for m in range(start + 1, min(len(toks) - 1, start + 40)):
            if toks[m].text in QUOTE_CHARS:
                return None
            if toks[m].lower in self.lex.demonstratives and toks[m + 1].text == ",":
                words = [t.lower for t in toks[start:m]]
                n = phrase_at(words, self.lex.titles) or 1
                ref = self.entities.by_role(" ".join(words[:n]))
                if ref is None:
                    people = [r for r in self.entities.last_speakers if r.kind == PERSON and r.name != r.description]
                    ref = people[-1] if people else self.entities.last_person()
                return ([ref] if ref else [], m + 1)
        return None

    def anaphoric_subject(self, toks, cue_start: int) -> list[SpeakerRef]:
        """'ROLE ... itu mengatakan' ("Mantan menteri itu mengatakan"): a role with a
        demonstrative points back to a person already named."""
        k = cue_start
        while k - 1 >= 0 and (toks[k - 1].lower in self.lex.adverbs or toks[k - 1].lower in self.lex.negations):
            k -= 1
        if k - 2 < 0 or toks[k - 1].lower not in self.lex.demonstratives:
            return []
        m = k - 1
        while m - 1 >= 0 and toks[m - 1].is_word and k - m < 8:
            m -= 1
        if m > 0 and toks[m - 1].text != ",":
            return []
        while m < k - 1 and toks[m].lower in self.lex.title_modifiers:
            m += 1
        words = [t.lower for t in toks[m:k - 1]]
        n = phrase_at(words, self.lex.titles)
        if not n:
            return []
        ref = self.entities.by_role(" ".join(words[:n]))
        if ref:
            return [ref]
        people = [r for r in self.entities.last_speakers if r.kind == PERSON]
        return people[-1:]

    def subject_before_verb(self, toks, cue_start: int):
        """'SPEAKER VERB dan CUE' ("X bergeming dan mengatakan ..."): the speaker
        of the first verb is the speaker of the cue."""
        k = cue_start
        while k - 1 >= 0 and toks[k - 1].lower in self.lex.adverbs:
            k -= 1
        if k - 1 < 0 or toks[k - 1].lower not in self.lex.speaker_conjunctions:
            return None
        k -= 1
        m = k
        while m - 1 >= 0 and k - m < 3 and toks[m - 1].is_word and not toks[m - 1].is_capitalized \
                and toks[m - 1].lower not in self.lex.adverbs and not self._is_role_word(toks[m - 1].lower):
            m -= 1
        while m - 1 >= 0 and toks[m - 1].lower in self.lex.adverbs:
            m -= 1
        if m == k:
            return None
        return self._whole_subject(toks, m)

    def subject_before_adjunct(self, toks, cue_start: int):
        """'SPEAKER dalam keterangan tertulis ... menyebutkan, ...': a circumstance
        between the speaker and the cue, with no comma."""
        for t in range(cue_start - 1, 0, -1):
            if toks[t].text == "," or self.in_quote(toks[t].start):
                return None
            if toks[t].lower in self.lex.relative_pronouns:
                return None  # "People who ask for ...": the cue belongs to the relative clause
            if (toks[t].lower,) in self.lex.trailing_adjuncts and not toks[t].is_capitalized:
                found = self._whole_subject(toks, t)
                if found:
                    return found
        return None

    def _whole_subject(self, toks, end: int):
        """The speaker phrase ending before ``end`` that starts its clause (the
        sentence start or just after a comma)."""
        rng = self.np_left(toks, end, 0)
        if rng is None:
            return None
        before = rng[0] - 1
        if before >= 0 and toks[before].text != "," and toks[before].text not in QUOTE_CHARS:
            return None
        return rng, None

    def _is_time(self, toks, rng) -> bool:
        return all(t.lower in self.lex.days or t.text.isdigit() or t.text in "()/" for t in toks[rng[0]:rng[1]])

    def _description(self, toks, rng) -> str | None:
        words = toks[rng[0]:rng[1]]
        if words and self._starts_title(toks, rng[0], rng[1]):
            return self.text[words[0].start:words[-1].end]
        return None

    def _segment_description(self, toks, lo: int, comma: int) -> str | None:
        """The role written before ", NAME" ("Kepala Dinas Kesehatan ..., Rina Lestari")."""
        if comma < lo or toks[comma].text != ",":
            return None
        j = comma - 1
        while j >= lo and toks[j].text != ",":
            j -= 1
        return self._description(toks, (j + 1, comma))

    def _bare_name_opens(self, toks, rng, lo: int) -> bool:
        """Whether a bare name (no title, place or time) opens the sentence and a comma
        stands between it and the role at ``rng``."""
        named = self.np_left(toks, rng[0] - 1, lo)
        return bool(named and named[0] == lo and named[1] == rng[0] - 1
                    and all(t.is_capitalized and t.is_word for t in toks[named[0]:named[1]])
                    and not self._is_place(toks, named) and not self._is_time(toks, named)
                    and not self._starts_title(toks, *named) and toks[lo].lower not in self.lex.sentence_openers)
