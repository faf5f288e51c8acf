"""Marking spans of text in HTML, with every piece of the text escaped.

Pure functions, no database: the pages call them with an article body (or a
paragraph) and the character offsets of its claims. The text is always
escaped; only the tags written here are markup.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A stretch ``text[start:end]`` to wrap in ``tag`` with ``attrs``.

    ``first_attrs`` go on the first piece only (an ``id``, a ``tabindex``):
    a span that crosses another one is split into pieces.
    """
    start: int
    end: int
    attrs: tuple[tuple[str, str], ...] = ()
    first_attrs: tuple[tuple[str, str], ...] = ()
    tag: str = "mark"
    order: int = field(default=0, compare=False)


def _open(span: Span, first: bool) -> str:
    attrs = list(span.attrs) + (list(span.first_attrs) if first else [("data-continued", "true")])
    rendered = "".join(f' {name}="{escape(value)}"' for name, value in attrs)
    return f"<{span.tag}{rendered}>"


def _close(span: Span) -> str:
    return f"</{span.tag}>"


def highlight(text: str, spans: list[Span]) -> Markup:
    """``text`` as escaped HTML with each span wrapped in its tag.

    Spans may nest (a claim inside a sentence) or cross each other: a span
    that would cross a closing tag is closed and opened again, so the HTML
    stays well formed. Spans outside the text, or empty ones, are left out.
    """
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    # longer spans open first, so that spans starting together nest
    pending = sorted(spans, key=lambda s: (s.start, -s.end, s.order))
    points = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    nxt = 0
    for i, point in enumerate(points):
        if any(s.end == point for s in stack):
            reopen = []
            while any(s.end == point for s in stack):
                s = stack.pop()
                out.append(_close(s))
                if s.end != point:
                    reopen.append(s)
            for s in reversed(reopen):
                out.append(_open(s, first=False))
                stack.append(s)
        while nxt < len(pending) and pending[nxt].start == point:
            out.append(_open(pending[nxt], first=True))
            stack.append(pending[nxt])
            nxt += 1
        if i + 1 < len(points):
            out.append(str(escape(text[point:points[i + 1]])))
    for s in reversed(stack):  # only when the text is empty
        out.append(_close(s))
    return Markup("".join(out))


def locate(body: str, text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """Where ``text`` stands in ``body``: the stored offsets when they match,
    else its only occurrence, else None."""
    if not body or not text:
        return None
    if start is not None and end is not None and body[start:end] == text:
        return start, end
    first = body.find(text)
    if first >= 0 and body.find(text, first + 1) < 0:
        return first, first + len(text)
    return None


def paragraph_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """The line (paragraph) of ``body`` around ``start:end``."""
    left = body.rfind("\n", 0, start) + 1
    right = body.find("\n", end)
    return left, len(body) if right < 0 else right


def sentence_bounds(body: str, sentence: str | None, start: int, end: int) -> tuple[int, int] | None:
    """Where ``sentence`` stands in ``body`` around ``start:end``, or None."""
    if not sentence:
        return None
    i = body.find(sentence, max(0, end - len(sentence)))
    while 0 <= i <= start:
        if i + len(sentence) >= end:
            return i, i + len(sentence)
        i = body.find(sentence, i + 1)
    return None


def shift(span: Span, offset: int) -> Span:
    """The span moved ``offset`` characters to the left (into a slice of the text)."""
    return Span(span.start - offset, span.end - offset, span.attrs, span.first_attrs, span.tag, span.order)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) address, else None: never a
    ``javascript:`` or ``data:`` link from an article's front matter."""
    if not url:
        return None
    candidate = url.strip()
    if candidate.lower().startswith(("http://", "https://")) and not any(c in candidate for c in "\n\r\t <>\"'`"):
        return candidate
    return None
