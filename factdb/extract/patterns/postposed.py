"""Pattern: the content before its cue, ``"CONTENT," CUE SPEAKER``, and the parenthetical cue."""
from __future__ import annotations

from ..lexicon import phrase_at
from ..segment import QUOTE_CHARS
from ..speakers import SpeakerRef, is_acronym
from ..structures import RawClaim


class Postposed:
    """``"CONTENT," CUE SPEAKER``, ``CONTENT, CUE SPEAKER`` and ``A, CUE SPEAKER, B``."""

    def postposed(self, sent, i, j, cue) -> RawClaim | None:
        """The content before the cue, its speaker after it; a cue set off by commas inside
        its content ("Bank sentral, kata dia, sepertinya ...") takes the words after it too."""
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
        found = self._postposed_speakers(toks, i, j, cue)
        if not found or not found[0]:
            return None
        speakers, after = found
        q = self.quote_ending_at(toks[k].end if closing_quote else toks[k + 1].start) if k >= 0 else None
        if closing_quote and q and q.start <= sent.start + 1:
            start, end = q.start + 1, self._quote_resumed(toks, after, q.end - 1)
        else:
            start, end = self._clause_around_cue(sent, k, after, toks[i].start)
            if start < toks[i].start and self.text[start] in QUOTE_CHARS:
                start += 1
        return self._claim(sent, speakers, cue, i, j, start, end)

    def _postposed_speakers(self, toks, i: int, j: int, cue):
        """(speakers, token after the speaker phrase) after a postposed cue, or None."""
        word = toks[i].lower
        suffix = self.lex.pronoun_suffix
        if suffix and word.endswith(suffix) and len(word) > len(suffix) + 2 and j - i == 1:
            return self.entities.pronoun(suffix), j
        anaphor = self._role_anaphor(toks, j)
        if anaphor:
            return anaphor  # '"...," kata politisi senior partai itu.'
        rng = self.np_right(toks, j)
        if rng and self.lex.source_to_clause_end and not toks[rng[0]].is_capitalized and not self._pronoun(toks[rng[0]]):
            # '"...," said a former official who oversaw the inquiry.': the whole description
            whole = self.source_phrase(toks, i, j)
            if whole and whole[0] == rng[0] and whole[1] > rng[1]:
                rng = whole
        if not rng:
            return None
        if (cue.kind == "verb" and rng[1] - rng[0] == 1 and rng[1] < len(toks) and toks[rng[1]].is_word
                and self._pronoun(toks[rng[0]])):
            return None  # '"...," said he would ...': the pronoun opens the content, it is not the speaker
        return self._with_appositive(toks, rng, self.speakers_of(toks, rng))

    def _with_appositive(self, toks, rng, speakers):
        """'kata ROLE, NAME': the name between commas after a role is the speaker, the role
        their description. (speakers, token after the phrase)."""
        appositive = self._appositive_name(toks, rng, speakers)
        if not appositive:
            return speakers, rng[1]
        role = self.text[toks[rng[0]].start:toks[rng[1] - 1].end]
        return [SpeakerRef(r.name, r.mention, r.kind, r.description or role)
                for r in self.speakers_of(toks, appositive)], appositive[1]

    def _quote_resumed(self, toks, after: int, end: int) -> int:
        """'"A," said X, a lawyer, "and B."': the quote goes on after the speaker."""
        for m in range(after, min(after + 12, len(toks) - 1)):
            if toks[m].text == "," and toks[m + 1].text in QUOTE_CHARS:
                more = next((r for r in self.quotes if r.start <= toks[m + 1].start < r.end - 1), None)
                return more.end - 1 if more else end
        return end

    def _clause_around_cue(self, sent, k: int, after: int, cue_pos: int) -> tuple[int, int]:
        """The clause from the sentence start to the cue, and on past a parenthetical cue
        to the sentence end ("Bank sentral, kata dia, sepertinya ...")."""
        toks = sent.tokens
        start, end = sent.start, toks[k].end if k >= 0 else cue_pos
        p = self._past_speaker_asides(toks, after)
        if p < len(toks) and toks[p].text == "," and p + 1 < len(toks):
            rest = toks[p + 1:]
            if any(t.is_word for t in rest) and not self._trailing_aside(rest):
                end = sent.end
                lead = [t for t in toks[:k + 1] if t.is_word]
                if all(t.lower in self.lex.sentence_openers or t.lower in self.lex.stopwords for t in lead):
                    # "Oleh karena itu, kata X, CONTENT": only a connective before the cue
                    start = rest[0].start
        return start, end

    def _past_speaker_asides(self, toks, after: int) -> int:
        """The comma after the speaker's place, time and apposition ("..., di Sukamaju,
        Selasa (8/3/2022), ...", "..., said Jo Roe, the town's engineer, on Monday.")."""
        p = after
        while p < len(toks) and toks[p].text == ",":
            nxt = next((m for m in range(p + 1, len(toks)) if toks[m].text == ","), len(toks))
            seg = toks[p + 1:nxt]
            if nxt < len(toks) and seg and (self._adjunct_start(seg) or seg[0].lower in self.lex.adjunct_prepositions):
                p = nxt
                continue
            if seg and (seg[0].lower in self.lex.determiners or seg[0].lower.endswith(self.lex.possessive_suffixes or ("\0",))) \
                    and p == after and not any(t.lower in self.lex.finite_verbs for t in seg):
                p = nxt  # an apposition to the speaker
                continue
            break
        return p

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

    def _name_ends_sentence(self, toks, start: int) -> bool:
        """'kata Ketua Koperasi Sukamaju, Rina Lestari.': a name of one to three words, no
        place or day, closing the sentence after the role's comma: the role's own words
        were the body's name."""
        k = start
        while k < len(toks) and toks[k].is_word and toks[k].is_capitalized:
            k += 1
        words = [t.lower for t in toks[start:k]]
        ends = k == len(toks) or toks[k].text in ".!?" and all(not t.is_word for t in toks[k + 1:])
        return 1 <= k - start <= 3 and ends and "-" not in toks[start].text and not (
            self._place_words(words) or any(w in self.lex.days for w in words) or self._starts_title(toks, start, k))

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
                                  and speakers[0].name != speakers[0].description and speakers[0].name in written
                                  and not self._name_ends_sentence(toks, end + 1)):
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
        if len(words) > 3 and (words[0],) in self.lex.trailing_adjuncts and words[1] in self.lex.demonstratives \
                and not any(t.text == "," for t in toks):
            return False  # "..., kata X, saat ini harga mencapai ...": "saat ini" is now, a clause goes on
        return any(tuple(words[:n]) in self.lex.trailing_adjuncts for n in range(1, 4)) or (
            bool(words) and (words[0] in self.lex.days or toks[0].is_capitalized))
