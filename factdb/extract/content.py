"""Content spans: where the words a cue reports begin and end."""
from __future__ import annotations

from .segment import QUOTE_CHARS, Span, tokenize
from .structures import OBJECT_STANCES


class ContentSpans:
    """Bounds of the content of a claim within its sentence."""

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

    def cut_circumstance(self, toks, a: int, b: int) -> int:
        """Token index where a circumstance of the act starts in the content after its cue
        ("claimed victory in a tweet", "stressed the risks on Sunday at a forum"), or ``b``."""
        stops, lex = self.lex.content_circumstances, self.lex
        words = [t.lower for t in toks]
        for k in range(a + 1, min(b, a + 6)):  # only after a short object ("victory", "those worries")
            if words[k] in lex.relative_pronouns or words[k] in lex.complementizers or toks[k].text in QUOTE_CHARS:
                return b
            if any(tuple(words[k:k + n]) in stops for n in (2, 3, 4)):
                # (not when the content goes on with its own clause: "warned voters on Monday that ...")
                # ("the vote on Monday was close": the circumstance of the content's own verb)
                rest = toks[k:b]
                return b if any(t.lower in lex.complementizers or t.lower in lex.finite_verbs
                                or t.text in QUOTE_CHARS for t in rest) else k
        return b

    def cut_coordinated_predicate(self, toks, a: int, b: int, cue) -> int:
        """Token where "and" and a finite verb open a second predicate of the cue's subject
        after a content that is no clause of its own ("proposed closing the road and has
        gone on to ...", "criticized the plan and was ..."), or ``b``."""
        lex, h = self.lex, a
        while h < b - 1 and (toks[h].lower in lex.adverbs or lex.adverb_suffixes and toks[h].lower.endswith(lex.adverb_suffixes)):
            h += 1  # "proposed temporarily closing ..."
        if not lex.finite_verbs or a >= b or not (cue.stance in OBJECT_STANCES or toks[h].lower in lex.infinitive_markers
                                                  or lex.present_endings and toks[h].lower.endswith(lex.present_endings)):
            return b
        for k in range(a + 1, b - 1):
            if toks[k].lower in lex.finite_verbs or toks[k].lower in lex.complementizers or toks[k].text in QUOTE_CHARS:
                return b  # "urged voters who are tired and ...": a clause of the content's own
            if toks[k].lower in lex.act_conjunctions and toks[k + 1].lower in lex.finite_verbs:
                return k - 1 if toks[k - 1].text == "," else k
        return b

    def _aside_closes(self, toks, a: int, b: int) -> bool:
        """Whether a clause opened at ``a`` ends at a comma with more words after it."""
        for k in range(a + 1, b - 1):
            if toks[k].text == "," and not self.in_quote(toks[k].start):
                return sum(t.is_word for t in toks[k + 1:b]) >= 2 and toks[k + 1].is_word \
                    and toks[k + 1].lower not in self.lex.relative_pronouns
        return False

    def list_comma(self, toks, k: int) -> bool:
        """Whether the comma at ``k`` parts the items of a list ("insulted farmers, nurses
        and teachers"): short items of content words up to the list's conjunction."""
        lex = self.lex
        if not lex.list_conjunctions or not self._list_item(toks[k - 1]):
            return False
        pos, n = k, len(toks)
        while pos < n and toks[pos].text == ",":
            m = pos + 1
            while m < n and m - pos <= 3 and self._list_item(toks[m]):
                m += 1
            if m == pos + 1:  # ", and C": an Oxford comma closes a list of more than two
                return pos > k and m < n and toks[m].lower in lex.list_conjunctions
            if m < n and toks[m].lower in lex.list_conjunctions:
                return m + 1 < n and self._list_item(toks[m + 1])
            pos = m
        return False

    def _list_item(self, tok) -> bool:
        lex = self.lex
        return tok.is_word and tok.lower not in lex.stopwords and tok.lower not in lex.determiners \
            and tok.lower not in lex.list_conjunctions and tok.lower not in lex.relative_pronouns

    def cut_object(self, toks, a: int, b: int) -> int:
        words = [t.lower for t in toks]
        comma_stops = (",",) in self.lex.object_stops
        for k in range(a + 1, b):
            if toks[k].text in ",;":
                digits = k + 1 < len(toks) and toks[k - 1].text.isdigit() and toks[k + 1].text.isdigit() and (
                    toks[k - 1].end == toks[k].start == toks[k + 1].start - 1)  # "2,500"
                if toks[k].text == "," and self.list_comma(toks, k):
                    continue
                if comma_stops and not self.in_quote(toks[k].start) and not digits:
                    return k  # "praised the deal, a first step ...": the object ends at the comma
                continue
            for n in range(1, 3):
                if tuple(words[k:k + n]) in self.lex.object_stops:
                    return k
        return b

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
        its hearer, so that the content is what came before; -1 when there is none here."""
        lex, n = self.lex, len(toks)
        a = j
        if cue.words in lex.recipient_cues:
            a = self.skip_hearer(toks, a)
        while a < n and toks[a].lower in lex.days:
            a += 1  # "said Wednesday he agrees"
        if a + 1 < n and lex.adverb_suffixes and toks[a].lower.endswith(lex.adverb_suffixes) \
                and not toks[a].is_capitalized and toks[a + 1].lower in lex.cue_adjuncts:
            a += 1  # "testified voluntarily in 1998": the manner, then the circumstance
        if self._opens_circumstance(toks, a, quote_first):
            # "said in an interview that ...": the content follows the complementizer
            if quote_first:
                return n  # '"...," X said in a film that showed ...': the quote is the content
            comp = self._after_circumstance(toks, a, content_first)
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
                a + 1 < n and toks[a + 1].text in ",.;" and lex.demonstratives and toks[a].lower in lex.demonstratives) \
                and not (a > j and toks[a - 1].text == "," and toks[a].lower in lex.conditionals):
            a += 1  # only one: "denied that that was the case" ("rejected that, too": "that" is the object)
            # (but "meyakini, jika X bersatu, Y": the condition is part of what is said)
        if content_first and all(t.text in ".!?" or t.text in QUOTE_CHARS for t in toks[a:]):
            return n
        return a

    def _opens_circumstance(self, toks, a: int, quote_first: bool) -> bool:
        """Whether a word of the cue's circumstance ("in", "on", "at") opens the words at ``a``."""
        lex, n = self.lex, len(toks)
        return a < n and toks[a].lower in lex.cue_adjuncts and not (
            # "say this is ...": a demonstrative not followed by a time ("said this week") is content
            toks[a].lower in lex.demonstratives and lex.time_words and a + 1 < n
            and toks[a + 1].lower not in lex.time_words and toks[a + 1].lower not in lex.days) and not (
            # "recommended a different firm": an article opens the content, unless a time follows ("a week later")
            not quote_first and toks[a].lower in lex.determiners and lex.time_words and a + 1 < n
            and not any(t.lower in lex.time_words for t in toks[a + 1:a + 3]))

    def _after_circumstance(self, toks, a: int, content_first: bool) -> int | None:
        """The complementizer, colon or quote that ends the circumstance at ``a``, or None."""
        lex, n = self.lex, len(toks)
        for k in range(a if content_first else a + 1, min(a + 15, n)):
            # ('"...," X told Y when asked about ...': the content came first)
            if toks[k].text == "," and k + 1 < n and toks[k + 1].text in QUOTE_CHARS and not content_first \
                    and k - a <= 6 and not any(t.lower in lex.act_conjunctions for t in toks[a:k]) \
                    and any(q.start == toks[k + 1].start for q in self.quotes):
                return k  # 'X said in a statement on Monday, "..."': the quote after the circumstance
            if toks[k].lower in lex.subordinators or toks[k].text in ",;":
                return None  # "told X on Monday when asked whether ...": not its content
            if (toks[k].lower in lex.complementizers or toks[k].text == ":") and not self.in_quote(toks[k].start):
                return k
        return None

    def _named_in(self, name: str, start: int, end: int) -> bool:
        """Whether a word of a person's name stands in the text between start and end."""
        words = {w for w in name.split() if w[:1].isupper() and len(w) > 2}
        return any(t.text in words for t in tokenize(self.text[start:end]))
