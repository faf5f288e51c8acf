"""A file of text into an :class:`Article`: front matter, title, dateline, date, language.

The body is stored exactly as written (after the front matter); the title
line stays in it and is only left out of extraction.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .extract.lexicon import Lexicon, available_languages, load_lexicon
from .extract.segment import Span


class ArticleError(ValueError):
    """A file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class Article:
    source_file: str
    title: str
    body: str
    language: str
    outlet: str | None
    published: str | None
    url: str | None
    dateline: str | None
    title_span: Span | None
    content_hash: str


FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
# "KONTAN.CO.ID - BEIJING." / "AMBON, KOMPAS —" / "WASHINGTON (Reuters) -"
DATELINE_RE = re.compile(
    r"^(?:(?P<outlet1>[A-Z][A-Za-z]*(?:\.[A-Za-z]+)*)\s*[-–—]\s*(?P<place1>[A-Z][A-Z .'-]{1,40}?)\.(?=\s)"
    r"|(?P<place2>[A-Z][A-Z .'-]{1,40}?),\s*(?P<outlet2>[A-Z][A-Za-z.]+)\s*[-–—]"
    r"|(?P<place3>[A-Z][A-Z .'-]{1,40}?)\s*\((?P<outlet3>[A-Za-z .]+)\)\s*[-–—])"
)
NUMERIC_DATE_RE = r"\((\d{1,2})/(\d{1,2})/(\d{4})\)"
MAX_BYTES = 5_000_000


def content_hash(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def read_text(path: Path) -> str:
    """The file's text, or an :class:`ArticleError` naming the problem."""
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ArticleError("is a directory")
    except FileNotFoundError:
        raise ArticleError("no such file")
    except PermissionError:
        raise ArticleError("permission denied")
    except OSError as e:
        raise ArticleError(e.strerror or str(e))
    if len(data) > MAX_BYTES:
        raise ArticleError(f"too large for an article ({len(data):,} bytes)")
    if b"\x00" in data:
        raise ArticleError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ArticleError(f"not UTF-8 text (invalid byte at offset {e.start})")
    if not text.strip():
        raise ArticleError("empty article")
    return text


def detect_language(text: str) -> str:
    """The code of the lexicon whose stopwords the text uses most, or "und"."""
    words = re.findall(r"[^\W\d_]+", text.casefold())[:2000]
    if not words:
        return "und"
    best, best_share = "und", 0.0
    for code in available_languages():
        stop = load_lexicon(code).stopwords
        share = sum(w in stop for w in words) / len(words)
        if share > best_share:
            best, best_share = code, share
    return best if best_share >= 0.08 else "und"


def find_dateline(text: str) -> tuple[str | None, str | None, str | None]:
    """(dateline, outlet, place) of the first body line, when it has one."""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        m = DATELINE_RE.match(line)
        if m:
            outlet = m.group("outlet1") or m.group("outlet2") or m.group("outlet3")
            place = m.group("place1") or m.group("place2") or m.group("place3")
            outlet = re.sub(r"\.(CO\.ID|COM|ID|NET|ORG)$", "", outlet.strip(), flags=re.I)
            return " ".join(m.group().strip(" -–—.").split()), outlet.upper(), place.strip().title()
    return None, None, None


def find_date(text: str, lex: Lexicon | None) -> str | None:
    """The first date written as "Rabu (5/2/2026)" (day/month/year), ISO formatted."""
    days = "|".join(re.escape(d) for d in sorted(lex.days)) if lex and lex.days else r"\w+"
    for m in re.finditer(rf"\b(?:{days})\b,?\s*{NUMERIC_DATE_RE}", text, re.I):
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        except ValueError:
            continue
    return None


def _front_matter(text: str) -> tuple[dict, str]:
    m = FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    try:
        meta = yaml.safe_load(m.group(1)) or {}
    except yaml.YAMLError as e:
        raise ArticleError(f"front matter is not valid YAML ({str(e).splitlines()[0]})")
    if not isinstance(meta, dict):
        raise ArticleError("front matter must be a mapping of keys to values")
    return meta, text[m.end():]


def parse_article(text: str, source_file: str) -> Article:
    """An :class:`Article` from the text of a file."""
    meta, body = _front_matter(text)
    if not body.strip():
        raise ArticleError("empty article")
    first = next(line for line in body.splitlines() if line.strip())
    dateline, outlet, _place = find_dateline(body)
    title_span = None
    stripped = first.strip()
    is_lead = bool(dateline and stripped.startswith(dateline.split()[0])) or (
        len(stripped.split()) > 12 and stripped[-1] in ".!?\"”")
    if is_lead:
        # the first line is already the lead ("AMBON, KOMPAS — ..."): no separate title
        title = stripped[len(dateline):].strip(" -–—.") if dateline and stripped.startswith(dateline) else stripped
        title = title if len(title) <= 120 else title[:117].rsplit(" ", 1)[0] + " ..."
    else:
        start = body.index(stripped)
        title_span = Span(start, start + len(stripped))
        title = stripped
    language = str(meta.get("language") or detect_language(body))
    lex = load_lexicon(language) if language in available_languages() else None
    published = meta.get("published")
    if isinstance(published, (dt.date, dt.datetime)):
        published = published.isoformat()[:10]
    return Article(
        source_file=Path(source_file).name,
        title=str(meta.get("title") or title),
        body=body,
        language=language,
        outlet=str(meta.get("outlet") or outlet) if (meta.get("outlet") or outlet) else None,
        published=str(published) if published else find_date(body, lex),
        url=str(meta["url"]) if meta.get("url") else None,
        dateline=dateline,
        title_span=title_span,
        content_hash=content_hash(body),
    )


def read_article(path: Path) -> Article:
    return parse_article(read_text(path), path.name)
