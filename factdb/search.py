"""What people type into a search box, as a full-text query that cannot fail.

Every word is quoted, so FTS operators (AND, OR, NOT, NEAR, ``-``, ``:``,
``^``) are searched as words; a phrase in double quotes stays a phrase; a
word ending in ``*`` is a prefix; a lone or unbalanced ``"`` is dropped.
Words are what the index's tokenizer (unicode61) sees as words, so
"ro-ro" and "Mu'ti" search for their parts, as the index stores them.
"""
from __future__ import annotations

import re

WORD = re.compile(r"[^\W_]+(\*)?", re.UNICODE)
PHRASE = re.compile(r'"([^"]*)"')


def _words(text: str) -> list[str]:
    return [f'"{m.group(0)[:-1]}"*' if m.group(1) else f'"{m.group(0)}"' for m in WORD.finditer(text)]


NOTHING = '""'  # an empty phrase: a valid query that matches no row


def fts_query(text: str | None) -> str:
    """An FTS5 query for ``text``; :data:`NOTHING` when it holds no word to search for."""
    if not text:
        return NOTHING
    parts, pos = [], 0
    for m in PHRASE.finditer(text):
        parts += _words(text[pos:m.start()])
        words = [w.strip('"*') for w in _words(m.group(1))]
        if words:
            parts.append('"' + " ".join(words) + '"')
        pos = m.end()
    parts += _words(text[pos:].replace('"', " "))
    return " ".join(parts) or NOTHING
