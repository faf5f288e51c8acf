"""Files to database: read each article, extract its claims, store it in one transaction.

Streams: one file at a time, so memory stays flat however many articles come.
A bad file is reported and skipped; the others are ingested.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils

from .articles import Article, ArticleError, parse_article, read_article
from .extract import Extraction, available_languages, extract_claims, load_lexicon
from .store import ClaimValue, SpeakerValue, StoreResult, store_article, stored_article_id


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
    """(file, error) for each path: directories give their ``.txt`` files, sorted."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*.txt") if f.is_file())
            if not files:
                yield path, "no .txt articles in this directory"
            for f in files:
                yield f, None
        elif not path.exists():
            yield path, "no such file or directory"
        else:
            yield path, None


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
    row = {"source_file": article.source_file, "title": article.title, "body": article.body,
           "language": article.language, "outlet": article.outlet, "published": article.published,
           "url": article.url, "dateline": article.dateline, "source_path": source_path}
    return store_article(db, row, article.content_hash, claims, relations, replace), extraction is not None


def ingest_paths(db: sqlite_utils.Database, paths: Iterable[str | Path], replace: bool = False,
                 on_error: Callable[[Path, str], None] | None = None) -> Summary:
    summary = Summary()
    for path, error in iter_files(paths):
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
            continue
        if not result.new:
            summary.unchanged += 1
            continue
        summary.articles += 1
        summary.claims += result.claims
        summary.speakers += result.speakers
        if not extracted:
            summary.not_extracted.append((str(path), article.language))
    if summary.articles:
        optimize(db)
    return summary


def optimize(db: sqlite_utils.Database) -> None:
    """Keep the query planner's statistics fresh after writing (bounded: a sample of
    each index), so pages pick the right index at any size."""
    db.execute("PRAGMA analysis_limit = 400")
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


def reextract_stored(db: sqlite_utils.Database) -> Summary:
    """Extract every stored article again from its stored text (after a lexicon change,
    say), keeping everything people added."""
    summary = Summary()
    for article, source_path in stored_articles(db):
        result, extracted = ingest_article(db, article, replace=True, source_path=source_path)
        summary.articles += 1
        summary.claims += result.claims
        summary.speakers += result.speakers
        if not extracted:
            summary.not_extracted.append((article.source_file, article.language))
    return summary
