"""A file of text into an :class:`Article`: front matter, title, dateline, date, language.

The body is stored exactly as written (after the front matter); the title
line stays in it and is only left out of extraction, with any lines of bare
separators above it ("· language en"). The title itself is the headline without
the separators or residue around it.

Files come from anywhere, so nothing in them is trusted:

- Only regular files are read (a FIFO, a device such as ``/dev/zero`` or a
  socket is refused before it is opened), a file larger than ``MAX_BYTES`` is
  refused from its size, and at most ``MAX_BYTES + 1`` bytes are ever read.
- Front matter is the block between a first line ``---`` and the next line
  ``---``; an opening without a closing is an error. It is at most
  ``MAX_FRONT_MATTER_BYTES`` long and is parsed as YAML without anchors or
  aliases (an alias can make a few bytes into billions of items) and at most
  ``MAX_FRONT_MATTER_DEPTH`` levels deep.
- Every field of it is checked: ``published`` a real date (YYYY-MM-DD),
  ``url`` an http(s) address, ``language`` a lexicon's code or a two-letter
  ISO 639-1 code in lower case, ``outlet`` and ``title`` text of at most
  ``MAX_FIELD_CHARS`` characters (spaces collapsed). An empty field counts as
  absent. Other keys (``author``, ``tags``, ...) are ignored without a word, so
  front matter written for other tools still reads.

A bad file raises :class:`ArticleError` with one line naming the field and the
value ("front matter: published '2024-13-45' is not a date (YYYY-MM-DD)").
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

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


FRONT_MATTER_OPEN_RE = re.compile(r"---[ \t]*\r?\n")
FRONT_MATTER_CLOSE_RE = re.compile(r"^---[ \t]*\r?$", re.M)
MAX_FRONT_MATTER_BYTES = 20_000
MAX_FRONT_MATTER_DEPTH = 20
MAX_FIELD_CHARS = 300
MAX_URL_CHARS = 2000
FRONT_MATTER_FIELDS = ("url", "outlet", "published", "language", "title")
# ISO 639-1: the two-letter language codes
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo
es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka
kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng
nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su
sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())

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


_FILE_KINDS = ((stat.S_ISDIR, "is a directory"), (stat.S_ISFIFO, "not a regular file (a FIFO)"),
               (stat.S_ISCHR, "not a regular file (a character device)"),
               (stat.S_ISBLK, "not a regular file (a block device)"),
               (stat.S_ISSOCK, "not a regular file (a socket)"))


def _check_regular(mode: int, size: int) -> None:
    """An :class:`ArticleError` unless ``mode`` is a regular file's of at most ``MAX_BYTES``."""
    if not stat.S_ISREG(mode):
        raise ArticleError(next((why for test, why in _FILE_KINDS if test(mode)), "not a regular file"))
    if size > MAX_BYTES:
        raise ArticleError(f"too large for an article ({size:,} bytes; at most {MAX_BYTES:,})")


def _os_problem(e: OSError) -> ArticleError:
    if isinstance(e, IsADirectoryError):
        return ArticleError("is a directory")
    if isinstance(e, FileNotFoundError):
        return ArticleError("no such file")
    if isinstance(e, PermissionError):
        return ArticleError("permission denied")
    return ArticleError(e.strerror or str(e))


def _read_bytes(path: Path) -> bytes:
    """At most ``MAX_BYTES + 1`` bytes of a regular file. The path is checked before
    it is opened, and the opened file again (another may have been put in its place);
    opening does not wait for a writer, as a FIFO's would."""
    try:
        st = os.stat(path)
    except OSError as e:
        raise _os_problem(e) from None
    except ValueError:  # a NUL in the path
        raise ArticleError("no such file") from None
    _check_regular(st.st_mode, st.st_size)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise _os_problem(e) from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        _check_regular(st.st_mode, st.st_size)
        try:
            return f.read(MAX_BYTES + 1)
        except OSError as e:
            raise _os_problem(e) from None


def read_text(path: Path) -> str:
    """The file's text, or an :class:`ArticleError` naming the problem."""
    data = _read_bytes(path)
    if len(data) > MAX_BYTES:  # it grew while it was read
        raise ArticleError(f"too large for an article (more than {MAX_BYTES:,} bytes)")
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


class FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML for front matter: no anchors or aliases (an alias can make a small file
    into billions of items), at most ``MAX_FRONT_MATTER_DEPTH`` levels of nesting, only
    true/false as booleans (``language: no`` is Norwegian) and a malformed date or an
    over-long number kept as the text it is, for the checks to name."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise yaml.MarkedYAMLError(problem="anchors and aliases are not allowed", problem_mark=event.start_mark)
        self._depth = getattr(self, "_depth", 0) + 1
        try:
            if self._depth > MAX_FRONT_MATTER_DEPTH:
                raise yaml.MarkedYAMLError(problem=f"nested more than {MAX_FRONT_MATTER_DEPTH} levels deep",
                                           problem_mark=event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, IndexError, KeyError, AttributeError, OverflowError):
            # a tagged value PyYAML cannot make anything of: "!!int ''", "!!timestamp x"
            raise yaml.MarkedYAMLError(problem=f"{node.tag.rsplit(':', 1)[-1]} {_shown(node.value)} cannot be read",
                                       problem_mark=node.start_mark) from None

    def construct_yaml_int(self, node):
        try:
            return super().construct_yaml_int(node)
        except ValueError:  # more digits than Python converts
            return self.construct_scalar(node)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):  # 2024-13-45
            return self.construct_scalar(node)


FrontMatterLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", FrontMatterLoader.construct_yaml_int)
FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", FrontMatterLoader.construct_yaml_timestamp)


def _shown(value, limit: int = 60) -> str:
    """A value for an error message: on one line, shortened."""
    text = repr(value) if isinstance(value, str) else str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


def _kind(value) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple, set)):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    return f"{_shown(value)} ({type(value).__name__})"


def _yaml_problem(e: Exception) -> str:
    """One line for a YAML error, with the line of the file (the front matter starts on line 2)."""
    if isinstance(e, yaml.MarkedYAMLError) and e.problem:
        where = f", line {e.problem_mark.line + 2}" if e.problem_mark else ""
        return f"{' '.join(e.problem.split())}{where}"
    lines = str(e).strip().splitlines()
    return lines[0] if lines else type(e).__name__


def _text_field(name: str, value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date)):
        raise ArticleError(f"front matter: {name} must be text, not {_kind(value)}")
    text = " ".join(str(value).split())
    if len(text) > MAX_FIELD_CHARS:
        raise ArticleError(f"front matter: {name} {_shown(text)} is longer than {MAX_FIELD_CHARS} characters")
    return text or None


def _published_field(value) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            try:
                return dt.date.fromisoformat(text).isoformat()
            except ValueError:
                pass
    raise ArticleError(f"front matter: published {_shown(value)} is not a date (YYYY-MM-DD)")


def _url_field(value) -> str | None:
    if not isinstance(value, str):
        raise ArticleError(f"front matter: url must be an http(s) address, not {_kind(value)}")
    url = value.strip()
    if not url:
        return None
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is no number raises ValueError)
    except ValueError:
        parts = None
    problem = None
    if len(url) > MAX_URL_CHARS:
        problem = f"is longer than {MAX_URL_CHARS} characters"
    elif parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        problem = "is not an http(s) address"
    elif any(c.isspace() or not c.isprintable() or c in "<>\"'`" for c in url):
        problem = "has spaces, quotes or brackets in it"
    if problem:
        raise ArticleError(f"front matter: url {_shown(url)} {problem}")
    return url


def _language_field(value) -> str | None:
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, str) and (value.strip() in ISO_639_1 or value.strip() in available_languages()):
        return value.strip()
    raise ArticleError(f"front matter: language {_shown(value)} is not a known language code "
                       "(a two-letter ISO 639-1 code in lower case, such as 'id' or 'en')")


_FIELD_CHECKS = {
    "url": _url_field,
    "outlet": lambda value: _text_field("outlet", value),
    "title": lambda value: _text_field("title", value),
    "published": _published_field,
    "language": _language_field,
}


def _front_matter(text: str) -> tuple[dict, str]:
    """The checked fields of the front matter (absent or empty ones left out) and the body."""
    opening = FRONT_MATTER_OPEN_RE.match(text)
    if not opening:
        return {}, text
    closing = FRONT_MATTER_CLOSE_RE.search(text, opening.end())
    if not closing:
        raise ArticleError("front matter: no closing '---'")
    raw = text[opening.end():closing.start()]
    if len(raw) > MAX_FRONT_MATTER_BYTES or len(raw.encode("utf-8")) > MAX_FRONT_MATTER_BYTES:
        raise ArticleError(f"front matter: longer than {MAX_FRONT_MATTER_BYTES:,} bytes")
    body_start = closing.end() + (text.startswith("\n", closing.end()))
    try:
        meta = yaml.load(raw, Loader=FrontMatterLoader)
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError) as e:
        raise ArticleError(f"front matter: not valid YAML ({_yaml_problem(e)})")
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ArticleError("front matter: must be a mapping of keys to values (key: value lines)")
    fields = {}
    for name, check in _FIELD_CHECKS.items():
        value = meta.get(name)
        if value is not None:
            value = check(value)
            if value is not None:
                fields[name] = value
    return fields, text[body_start:]


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
    language = meta.get("language") or detect_language(body)
    lex = load_lexicon(language) if language in available_languages() else None
    return Article(
        source_file=Path(source_file).name,
        title=meta.get("title") or title,
        body=body,
        language=language,
        outlet=meta.get("outlet") or outlet or None,
        published=meta.get("published") or find_date(body, lex, title_span),
        url=meta.get("url"),
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
