"""Split an article body into paragraphs, sentences, tokens and quote spans.

Every piece keeps its character offsets in the body, so a claim can point at
the exact span it came from (``body[start:end] == text``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate, chain
from operator import attrgetter, itemgetter

OPEN_QUOTES = "“„«"
CLOSE_QUOTES = "”»"
AMBIGUOUS_QUOTES = "\"″”"  # Kompas uses ” both to open and to close
DOUBLE_APOSTROPHE = "''"  # two apostrophes written for a double quote mark
QUOTE_CHARS = set(OPEN_QUOTES + CLOSE_QUOTES + AMBIGUOUS_QUOTES) | {DOUBLE_APOSTROPHE}

TOKEN_RE = re.compile(r"\w+(?:[-'’.&/]\w+)*|''|[^\w\s]", re.UNICODE)
SPACED_TOKEN_RE = re.compile(r"(\s*)(" + TOKEN_RE.pattern + ")", re.UNICODE)
# (written to open with a character class, not a repeat or two branches: the regex engine
# then skips quickly to the next . ! or ?)
# (or a period run into the next sentence, after a word and before one: "the vote was close.The count showed")
SENTENCE_END_RE = re.compile(r"[.!?][.!?]*[\"”’'»)]*(?:(?=\s+[\"“”«(‘'\w])|$|(?<=[a-z]{3}\.)(?=[A-Z][a-z]))")


class Token:
    """A word or a mark with its offsets; never changed after creation. A plain class with
    slots, equal and hashed by text and offsets (the casefolded ``lower`` follows from the
    text): there are many, and a dataclass is slower to create."""
    __slots__ = ("text", "start", "end", "lower")

    def __init__(self, text: str, start: int, end: int, lower: str = ""):
        self.text = text
        self.start = start
        self.end = end
        self.lower = lower or text.casefold()

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.text, self.start, self.end) == (other.text, other.start, other.end)

    def __hash__(self):
        return hash((self.text, self.start, self.end))

    def __repr__(self):
        return f"Token(text={self.text!r}, start={self.start!r}, end={self.end!r}, lower={self.lower!r})"

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalized(self) -> bool:
        return self.text[0].isupper() or (self.text[0].isdigit() and "-" in self.text)


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]

    @cached_property
    def words(self) -> frozenset[str]:
        """The sentence's lower-cased words, gathered once for the passes that ask whether
        it holds a word at all."""
        return frozenset(map(attrgetter("lower"), self.tokens))


def tokenize(text: str, offset: int = 0) -> tuple[Token, ...]:
    """The tokens of ``text``, their offsets counted from ``offset``. Only spaces stand
    between tokens, so the offsets add up from the lengths of the spaces and the tokens
    (without a match object per token)."""
    pairs = SPACED_TOKEN_RE.findall(text)  # [(spaces before, token), ...]
    offsets = list(accumulate(map(len, chain.from_iterable(pairs)), initial=offset))
    words = list(map(itemgetter(1), pairs))
    return tuple(map(Token, words, offsets[1::2], offsets[2::2], map(str.casefold, words)))


def paragraphs(text: str, exclude: list[Span] = ()) -> list[Span]:
    """Non-empty lines, as spans, leaving out the excluded ones (title, boilerplate)."""
    out = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            end = start + len(stripped)
            if not any(x.start <= start < x.end for x in exclude):
                out.append(Span(start, end))
        pos += len(line)
    return out


def sentences(text: str, para: Span, index: int, abbreviations: frozenset[str]) -> list[Sentence]:
    """Sentences of one paragraph, split after . ! ? unless the period ends an abbreviation."""
    out = []
    start = para.start
    chunk = text[para.start:para.end]
    for m in SENTENCE_END_RE.finditer(chunk):
        end = para.start + m.end()
        following = _following(text, end, para.end)
        if m.group().startswith(".") and _ends_abbreviation(text[start:para.start + m.start()], following, abbreviations):
            continue
        if following[:1].islower():
            continue  # '"Why?" she asked.': a sentence does not start in lower case
        if text[start:end].strip():
            out.append(_sentence(text, start, end, index))
        start = end
    if text[start:para.end].strip():
        out.append(_sentence(text, start, para.end, index))
    return out


def _following(text: str, pos: int, end: int) -> str:
    """The first two characters after the spaces at ``pos`` (before ``end``)."""
    while pos < end and text[pos].isspace():
        pos += 1
    return text[pos:min(pos + 2, end)]


SINGLE_LETTER_RE = re.compile(r"[^\W\d_]")


def _ends_abbreviation(before: str, following: str, abbreviations: frozenset[str]) -> bool:
    """Whether the period after ``before`` ends an abbreviation or an initial, not its sentence."""
    words = before.rsplit(None, 1)
    last_word = words[-1].casefold().strip("(\"“”") if words else ""
    return (last_word in abbreviations and not _opens_quoted_sentence(following)
            or SINGLE_LETTER_RE.fullmatch(last_word) is not None)


def _opens_quoted_sentence(following: str) -> bool:
    """Whether a quote opens a sentence after a period ('shaking her head no. "But ...'):
    the period of a short word ("no", "vs") then ends its sentence, not an abbreviation."""
    return len(following) > 1 and following[0] in QUOTE_CHARS and following[1].isupper()


def _sentence(text: str, start: int, end: int, index: int) -> Sentence:
    while start < end and text[start].isspace():
        start += 1
    return Sentence(start, end, index, tokenize(text[start:end], start))


QUOTE_RE = re.compile("|".join(re.escape(q) for q in [DOUBLE_APOSTROPHE, *sorted(QUOTE_CHARS)]))


def quote_marks(text: str) -> list[tuple[int, str]]:
    """Positions of quotation marks with their role: "open" or "close".

    A mark is an opener when it follows a space, the start of a line or an
    opening bracket, and a closer otherwise: this reads “ ”, " " and the
    Kompas habit of ” on both sides alike.
    """
    marks = []
    skip = -1
    for m in QUOTE_RE.finditer(text):
        i, ch = m.start(), m.group()[0]
        if i == skip:
            continue
        double = m.group() == DOUBLE_APOSTROPHE
        prev = text[i - 1] if i else "\n"
        nxt_at = i + 2 if double else i + 1
        nxt = text[nxt_at] if nxt_at < len(text) else "\n"
        if double:
            # '' stands for one mark: an opener counts at its second apostrophe,
            # a closer at its first, so the span's inside is the quoted words
            skip = i + 1
            role = "open" if (prev.isspace() or prev in "([—–-:") and not nxt.isspace() else "close"
            marks.append((i + 1 if role == "open" else i, role))
            continue
        if ch in OPEN_QUOTES and not _ends_line(text, nxt_at):
            role = "open"
        elif ch in OPEN_QUOTES:
            role = "close"  # 'needed now.“' at the end of a paragraph: a mark of the wrong side closes
        elif ch in CLOSE_QUOTES and ch not in AMBIGUOUS_QUOTES:
            role = "close"
        elif (prev.isspace() or prev in "([—–-:") and not nxt.isspace():
            role = "open"
        else:
            role = "close"
        marks.append((i, role))
    return marks


def quote_spans(text: str, paras: list[Span]) -> list[Span]:
    """Direct quotes as spans including their marks.

    An opener pairs with the next closer; a quote may run over several
    sentences and paragraphs (a new paragraph of the same quote opens again
    without closing the last). A closer with no opener starts its quote at the
    start of its paragraph (a missing opening mark).
    """
    spans = []
    open_at: int | None = None
    para_starts = [p.start for p in paras]
    for pos, role in quote_marks(text):
        if role == "open":
            if open_at is None:
                open_at = pos
        else:
            if open_at is None:
                open_at = _paragraph_start(para_starts, pos)
                if spans and spans[-1].end > open_at:
                    # a quote closed earlier in this paragraph: the stray mark closes a quote
                    # within a quote ('"If a clerk says, "we are closed," we leave."'), not one
                    # opened at the paragraph's start
                    open_at = None
                    continue
            if pos + 1 - open_at > 1:
                spans.append(Span(open_at, pos + 1))
            open_at = None
    return spans


def _ends_line(text: str, pos: int) -> bool:
    """Whether only spaces stand between ``pos`` and the end of its line."""
    end = text.find("\n", pos)
    return not text[pos:end if end >= 0 else len(text)].strip()


def _paragraph_start(starts: list[int], pos: int) -> int:
    best = 0
    for s in starts:
        if s <= pos:
            best = s
        else:
            break
    return best
