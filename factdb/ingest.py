"""Files to database: read each article, extract its claims, store it in one transaction.

Streams: one file at a time, so memory stays flat however many articles come.
A bad file is reported and skipped; the others are ingested.
"""
from __future__ import annotations

import gc
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

import sqlite_utils

from .articles import Article, ArticleError, parse_article, read_article
from .db import transaction
from .extract import Extraction, available_languages, extract_claims, load_lexicon
from .store import ClaimValue, SpeakerValue, StoreResult, store_article, stored_article_id


# An extraction's objects refer to one another, so they are freed by a full garbage
# collection only, which Python runs seldom: collect every so many articles, so memory
# stays flat at its lowest (measured with benchmarks/ingest.py).
COLLECT_EVERY = 200


@dataclass
class Summary:
    articles: int = 0
    unchanged: int = 0
    claims: int = 0
    speakers: int = 0
    not_extracted: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        parts = [f"{self.articles} article{'s' * (self.articles != 1)}",
                 f"{self.claims} claim{'s' * (self.claims != 1)}",
                 f"{self.speakers} new speaker{'s' * (self.speakers != 1)}"]
        if self.unchanged:
            parts.append(f"{self.unchanged} already stored")
        if self.errors:
            parts.append(f"{len(self.errors)} failed")
        return "Ingested " + ", ".join(parts)


def iter_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """(file, error) for each path: directories give their ``.txt`` files, in sorted
    order, and each subdirectory that cannot be read as an error.

    Lazy and memory-flat: a directory's ``.txt`` and subdirectory names are read
    one directory at a time (never a list of every path)."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            nothing = True
            for item in _walk(path):
                nothing = False
                yield item
            if nothing:
                yield path, "no .txt articles in this directory"
        elif not path.exists():
            yield path, "no such file or directory"
        else:
            yield path, None


def _walk(directory: Path) -> Iterator[tuple[Path, str | None]]:
    """The ``.txt`` files under a directory (not following links to directories),
    sorted by their path's parts, as ``sorted(directory.rglob("*.txt"))`` would give
    them; a directory that cannot be listed is (directory, error)."""
    names, subdirs = [], set()
    try:
        with os.scandir(directory) as entries:
            for entry in entries:
                try:
                    if entry.is_dir(follow_symlinks=False):
                        subdirs.add(entry.name)
                    elif not (entry.name.endswith(".txt") and entry.is_file()):  # (a link to a file counts)
                        continue
                except OSError:
                    continue
                names.append(entry.name)
    except OSError as e:
        yield directory, unreadable(e)
        return
    names.sort()
    for name in names:
        if name in subdirs:
            yield from _walk(directory / name)
        else:
            yield directory / name, None


def unreadable(e: OSError) -> str:
    reason = "permission denied" if isinstance(e, PermissionError) else (e.strerror or str(e)).lower()
    return f"cannot be read ({reason})"


def extract_article(article: Article) -> Extraction | None:
    """Claims of an article, or None when factdb has no lexicon for its language."""
    if article.language not in available_languages():
        return None
    exclude = [article.title_span] if article.title_span else []
    return extract_claims(article.body, load_lexicon(article.language), exclude)


def to_values(extraction: Extraction) -> tuple[list[ClaimValue], list[tuple[int, int, str]]]:
    claims = [ClaimValue(
        speakers=tuple(SpeakerValue(s.name, s.mention, s.kind, s.description) for s in c.speakers),
        stance=c.stance, text=c.text, quote=c.quote, cue=c.cue, sentence=c.sentence,
        sentence_start=c.sentence_start, sentence_end=c.sentence_end,
        start=c.start, end=c.end, paragraph=c.paragraph) for c in extraction.claims]
    return claims, [(r.source, r.target, r.type) for r in extraction.relations]


def ingest_article(db: sqlite_utils.Database, article: Article,
                   replace: bool = False, source_path: str | None = None) -> tuple[StoreResult, bool]:
    if not replace:
        stored = stored_article_id(db, article.content_hash)
        if stored is not None:  # the same text: nothing to extract or write
            return StoreResult(stored, False, 0, 0), True
    extraction = extract_article(article)
    claims, relations = to_values(extraction) if extraction else ([], [])
    return (store_article(db, article_row(article, source_path), article.content_hash, claims, relations, replace),
            extraction is not None)


def article_row(article: Article, source_path: str | None = None) -> dict:
    """The ``articles`` row of an article (without its hash and time of ingest)."""
    return {"source_file": article.source_file, "title": article.title, "body": article.body,
            "language": article.language, "outlet": article.outlet, "published": article.published,
            "url": article.url, "dateline": article.dateline, "source_path": source_path}


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[str | Path], replace: bool = False,
                 on_error: Callable[[Path, str], None] | None = None,
                 on_progress: Callable[[Summary], None] | None = None) -> Summary:
    """Ingest the files of ``paths`` (see :func:`iter_files`), one transaction each;
    ``on_error`` hears of each file that failed, ``on_progress`` of each file done."""
    summary = Summary()
    for done, (path, error) in enumerate(iter_files(paths), 1):
        _ingest_file(db, path, error, replace, summary, on_error)
        if on_progress:
            on_progress(summary)
        if done % COLLECT_EVERY == 0:
            gc.collect()
    if summary.articles:
        optimize(db)
    return summary


def _ingest_file(db, path: Path, error: str | None, replace: bool, summary: Summary, on_error) -> None:
    if error is None:
        try:
            article = read_article(path)
            result, extracted = ingest_article(db, article, replace, str(path.resolve()))
        except ArticleError as e:
            error = str(e)
        except sqlite3.DatabaseError as e:
            error = f"could not be written to the database ({e}); nothing of it was stored"
    if error is not None:
        summary.errors.append((str(path), error))
        if on_error:
            on_error(path, error)
        return
    if not result.new:
        summary.unchanged += 1
        return
    summary.articles += 1
    summary.claims += result.claims
    summary.speakers += result.speakers
    if not extracted:
        summary.not_extracted.append((str(path), article.language))


class Progress:
    """A progress bar on a terminal, redrawn in place at most every ``interval``
    seconds: files done of all, claims, rate and time left. :meth:`clear` before
    printing anything else, so lines are never garbled by it."""

    def __init__(self, total: int, stream: TextIO, interval: float = 0.2):
        self.total, self.stream, self.interval = total, stream, interval
        self.done = 0
        self.claims = 0
        self.start = time.monotonic()
        self.drawn = 0.0
        self.draw()

    def update(self, summary: Summary) -> None:
        self.done += 1
        self.claims = summary.claims
        if self.done == self.total or time.monotonic() - self.drawn >= self.interval:
            self.draw()

    def line(self, width: int = 100) -> str:
        """The bar and figures in at most ``width`` characters (the figures alone
        when they leave no room for the bar)."""
        elapsed = time.monotonic() - self.start
        rate = self.done / elapsed if elapsed > 0 and self.done else 0.0
        left = f"{format_duration(max(self.total - self.done, 0) / rate)} left" if rate else "--:-- left"
        text = f"{self.done:,}/{self.total:,} articles, {self.claims:,} claims, {rate:,.1f} articles/s, {left}"
        bar = min(30, width - len(text) - 3)
        if bar < 5:
            return text[:width]
        filled = min(int(bar * self.done / self.total), bar) if self.total else bar  # (files may come meanwhile)
        return f"[{'#' * filled:-<{bar}}] {text}"

    def draw(self) -> None:
        width = self.columns() - 1  # (a line as wide as the terminal wraps)
        self.stream.write("\r" + self.line(max(width, 20)) + "\x1b[K")
        self.stream.flush()
        self.drawn = time.monotonic()

    def columns(self) -> int:
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            columns = 0
        return columns or shutil.get_terminal_size().columns

    def clear(self) -> None:
        """Take the bar off the screen (it comes back at the next update)."""
        self.stream.write("\r\x1b[K")
        self.stream.flush()
        self.drawn = 0.0


def format_duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def optimize(db: sqlite_utils.Database) -> None:
    """Keep the query planner's statistics fresh after writing (bounded: a sample of
    each index), so pages pick the right index at any size. It writes the statistics:
    under the write lock, taken first like any writer's, or another ingest's write
    would make it fail."""
    db.execute("PRAGMA analysis_limit = 400")
    with transaction(db):
        db.execute("PRAGMA optimize")


def stored_articles(db: sqlite_utils.Database) -> Iterator[tuple[Article, str | None]]:
    """Every stored article as an :class:`Article` read from its stored text (with the
    metadata it was stored with), and the file it came from: for re-extraction."""
    last = 0
    while True:  # in pages by id, so memory stays flat
        rows = db.execute("select id, source_file, title, body, language, outlet, published, url, dateline, "
                          "content_hash, source_path from articles where id > ? order by id limit 200", [last]).fetchall()
        if not rows:
            return
        for (aid, source_file, title, body, language, outlet, published, url, dateline, content_hash,
             source_path) in rows:
            last = aid
            try:
                parsed = parse_article(body, source_file)
            except ArticleError:
                parsed = None
            yield Article(source_file, title, body, language, outlet, published, url, dateline,
                          parsed.title_span if parsed else None, content_hash), source_path


def stored_count(db: sqlite_utils.Database) -> int:
    """How many articles :func:`reextract_stored` goes through."""
    return db.execute("select count(*) from articles").fetchone()[0]


def reextract_stored(db: sqlite_utils.Database, on_progress: Callable[[Summary], None] | None = None) -> Summary:
    """Extract every stored article again from its stored text (after a lexicon change,
    say), keeping everything people added; ``on_progress`` after each article."""
    summary = Summary()
    for done, (article, source_path) in enumerate(stored_articles(db), 1):
        if done % COLLECT_EVERY == 0:
            gc.collect()
        result, extracted = ingest_article(db, article, replace=True, source_path=source_path)
        summary.articles += 1
        summary.claims += result.claims
        summary.speakers += result.speakers
        if not extracted:
            summary.not_extracted.append((article.source_file, article.language))
        if on_progress:
            on_progress(summary)
    return summary
