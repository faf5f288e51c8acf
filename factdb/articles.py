"""A file of text into an :class:`Article`: front matter, title, dateline, date, language.

The body is stored exactly as written (after the front matter); the title
line stays in it and is only left out of extraction, with any lines of bare
separators above it ("· language en"). The title itself is the headline without
the separators or residue around it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
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
    # the header: the title line and any separator lines above it (left out of extraction)
    title_span: Span | None
    content_hash: str


FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)

# Datelines. An outlet is a word that names a publisher: written in capitals
# ("KOMPAS"), as a web address ("KONTAN.CO.ID", "Kompas.com") or in brackets
# ("(Reuters)"). After a comma, an abbreviation ("N.H.", "Calif.", "D.C."), a
# postal code ("NH") or a name in mixed case ("Texas") is part of the place.
_SEP = r"(?:--|[-–—―])"
_DOMAIN = r"(?i:\.(?:co\.id|com|co|id|net|org|news|tv))"
_OUTLET = rf"(?:[A-Z][A-Z0-9]{{2,}}{_DOMAIN}?(?![\w.])|[A-Za-z][A-Za-z0-9]+{_DOMAIN}(?![\w.]))"
_PLACE = r"[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]*){0,3}"
_REGION = r"(?:(?:[A-Z]\.){1,3}|[A-Z][a-z]{1,5}\.|[A-Z]{2}(?![\w.])|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
# a date in the dateline, with or without the year ("Aug. 19", "Aug 31, 2016")
_DATELINE_DATE = r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?"
DATELINE_RE = re.compile(
    # "KONTAN.CO.ID - BEIJING."
    rf"(?P<outlet1>{_OUTLET})\s*{_SEP}\s*(?P<place1>[A-Z][A-Z '-]{{1,40}}?)\.(?=\s)"
    # "AMBON, KOMPAS —"
    rf"|(?P<place2>{_PLACE}),\s*(?P<outlet2>{_OUTLET})\s*{_SEP}(?=\s|$)"
    # "WASHINGTON (Reuters) —", "MANCHESTER, N.H. —", "WASHINGTON, Aug. 19 (UPI) —", "LOS ANGELES --"
    rf"|(?P<place3>{_PLACE}(?:,\s*{_REGION})?)(?:,\s*{_DATELINE_DATE})?"
    rf"(?:\s*\((?P<outlet3>[A-Z][A-Za-z0-9 .&'-]{{0,40}})\))?\s*{_SEP}(?=\s.*[a-z])"
)

# Separators and site residue around a headline: "· language en", "Title |", "Title;"
TITLE_SEPARATORS = "·•‧∙|¦;:,/\\-–—―"
_SEPS = re.escape(TITLE_SEPARATORS)
_LANGUAGE_RESIDUE = r"language\s*[:=]?\s*[a-z]{2,3}(?:[-_][a-z]{2})?"
LEADING_RESIDUE_RE = re.compile(rf"\A{_LANGUAGE_RESIDUE}(?=\s*(?:[{_SEPS}]|\Z))", re.I)
TRAILING_RESIDUE_RE = re.compile(rf"[{_SEPS}]\s*{_LANGUAGE_RESIDUE}\s*\Z", re.I)

NUMERIC_DATE_RE = r"\((\d{1,2})/(\d{1,2})/(\d{4})\)"
# how far into the article a written-out date is taken for the date of publication
DATE_WINDOW = 600
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


def clean_title(line: str) -> str:
    """The headline of a title line, without separators or site residue around it."""
    title = " ".join(line.split())
    while True:
        before = title
        title = title.strip(TITLE_SEPARATORS + " ")
        title = LEADING_RESIDUE_RE.sub("", title)
        title = TRAILING_RESIDUE_RE.sub("", title)
        if title == before:
            return title


def _dateline_match(line: str) -> re.Match | None:
    return DATELINE_RE.match(line.strip())


def _dateline_parts(m: re.Match) -> tuple[str, str | None, str]:
    """(dateline, outlet, place) of a dateline match."""
    if m.group("outlet1"):
        dateline = m.group()[:m.end("place1")]
    else:
        dateline = m.group().rstrip().rstrip("-–—―").rstrip()
    outlet = m.group("outlet1") or m.group("outlet2") or m.group("outlet3")
    if outlet:
        outlet = re.sub(rf"{_DOMAIN}$", "", outlet.strip()) or None
    place = (m.group("place1") or m.group("place2") or m.group("place3")).strip()
    head, _, region = place.partition(",")
    place = head.strip().title() + (f", {region.strip()}" if region else "")
    return " ".join(dateline.split()), outlet, place


def find_dateline(text: str) -> tuple[str | None, str | None, str | None]:
    """(dateline, outlet, place) of the article's lead, when it has one: the first
    line that is not a header separator, or the line after it (under a headline)."""
    lines = [line for line in text.splitlines() if clean_title(line)]
    for line in lines[:2]:
        m = _dateline_match(line)
        if m:
            return _dateline_parts(m)
    return None, None, None


def _in_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside a quotation opened earlier on its line."""
    before = text[text.rfind("\n", 0, pos) + 1:pos]
    return (before.count('"') % 2 == 1 or before.count("“") > before.count("”")
            or before.count("''") % 2 == 1)


def _written_date(text: str, lex: Lexicon) -> str | None:
    """The first full date written out with a month name ("Oct. 12, 2016",
    "October 12, 2016", "12 October 2016") outside quotations, ISO formatted."""
    names = "|".join(re.escape(n) for n in sorted(lex.months, key=len, reverse=True))
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    month = rf"({names})\.?"
    pattern = re.compile(rf"\b(?:{month}\s+{day},?\s+(\d{{4}})|{day}\s+{month},?\s+(\d{{4}}))\b", re.I)
    for m in pattern.finditer(text):
        if _in_quote(text, m.start()):
            continue
        if m.group(1):
            name, d, y = m.group(1), m.group(2), m.group(3)
        else:
            d, name, y = m.group(4), m.group(5), m.group(6)
        try:
            return dt.date(int(y), lex.months[name.casefold()], int(d)).isoformat()
        except ValueError:
            continue
    return None


def find_date(text: str, lex: Lexicon | None, skip: Span | None = None) -> str | None:
    """The article's date, ISO formatted: a full date written out with a month name
    near the top (the first ``DATE_WINDOW`` characters or the lead line; the
    headline in ``skip`` left out), else the first date written "Rabu (5/2/2026)"
    (day/month/year). A weekday alone ("on Tuesday") gives no date."""
    if lex and lex.months:
        top = text
        if skip:  # a date in the headline is what the story is about, not when it was written
            top = text[:skip.start] + " " * (skip.end - skip.start) + text[skip.end:]
        lead = re.search(r"\S[^\n]*", top)  # the first line of the story, whatever its length
        found = _written_date(top[:max(DATE_WINDOW, lead.end() if lead else 0)], lex)
        if found:
            return found
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


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, stripped text) of each non-empty line."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            out.append((pos + len(line) - len(line.lstrip()), stripped))
        pos += len(line)
    return out


def _shorten(title: str, limit: int = 120) -> str:
    if len(title) <= limit:
        return title
    return title[:limit - 3].rsplit(" ", 1)[0].rstrip(TITLE_SEPARATORS + " ") + " ..."


def parse_article(text: str, source_file: str) -> Article:
    """An :class:`Article` from the text of a file."""
    meta, body = _front_matter(text)
    lines = _lines(body)
    if not lines:
        raise ArticleError("empty article")
    # header lines with nothing but separators or residue ("· language en") come before the title
    content = [(start, line) for start, line in lines if clean_title(line)]
    if not content:
        raise ArticleError("empty article (only separators, no text)")
    start, first = content[0]
    lead = _dateline_match(first)
    dateline, outlet, _place = _dateline_parts(lead) if lead else find_dateline(body[start:])
    title_span = None
    if lead or (len(first.split()) > 12 and first[-1] in ".!?\"”"):
        # the first line is already the lead ("AMBON, KOMPAS — ..."): no separate title
        rest = clean_title(first[lead.end():]).rstrip(". ") if lead else ""  # the lead after its dateline
        title = _shorten(rest or clean_title(first))
    else:
        # the title line and the separator lines above it: left out of extraction
        title_span = Span(lines[0][0], start + len(first))
        title = clean_title(first)
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
        published=str(published) if published else find_date(body, lex, title_span),
        url=str(meta["url"]) if meta.get("url") else None,
        dateline=dateline,
        title_span=title_span,
        content_hash=content_hash(body),
    )


CLAIM_FILE_SUFFIXES = (".csv", ".json", ".jsonl", ".ndjson", ".yaml", ".yml")


def not_an_article(path: Path, text: str) -> str | None:
    """Why a file is no article (a file of claims, a web page), or None."""
    head = text.lstrip()[:200].casefold()
    if path.suffix.casefold() in CLAIM_FILE_SUFFIXES or head.startswith(("{", "[")) and _is_json(text):
        return "a data file, not an article; to add the claims it holds, use 'factdb import'"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or (head.startswith("<") and "<body" in text[:5000].casefold()):
        return "an HTML or XML page, not an article; save the article's text as a .txt file"
    return None


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def read_article(path: Path) -> Article:
    text = read_text(path)
    reason = not_an_article(path, text)
    if reason:
        raise ArticleError(reason)
    return parse_article(text, path.name)
