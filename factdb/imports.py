"""Claims from files: CSV, JSON, JSON Lines and YAML, all or nothing per file.

Each record is a claim no article may hold (a speech, a post, a press release)
or one tied to a stored article (``article_id``):

    speakers   one or more names ("Budi Hendarto; Kementerian Pangan" in CSV)
    stance     asserts, denies, ... (required)
    text       what was claimed (required)
    quote, cue, note
    date       YYYY-MM-DD, when it was said
    url        where it was said (http or https)
    article_id a stored article
    verdict    a rating, with verdict_by (required with it), verdict_url, verdict_date

Every record is checked before anything is written; a file with a bad record
is reported record by record (line or index, and the reason) and nothing of it
is stored. Speakers resolve as extracted ones do, and ids are stable, so
importing the same file again changes nothing.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import sqlite_utils
import yaml

from .models import STANCE_IDS
from .store import ClaimValue, SpeakerValue, check_manual_claim, write_manual_claim
from .verdicts import Verdict, add_verdict_in, check as check_verdict
from .db import transaction

FIELDS = {"speakers", "stance", "text", "quote", "cue", "note", "date", "url", "article_id",
          "verdict", "verdict_by", "verdict_url", "verdict_date"}
FORMATS = {".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".yaml": "yaml", ".yml": "yaml"}
MAX_BYTES = 50_000_000


class ImportProblems(ValueError):
    """A file that cannot be imported: ``problems`` lists (where, reason)."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{w}: {r}" for w, r in problems))
        self.problems = problems


@dataclass
class Record:
    where: str  # "line 3", "record 2"
    claim: ClaimValue
    article_id: int | None = None
    date: str | None = None
    url: str | None = None
    verdict: Verdict | None = None


@dataclass
class ImportResult:
    path: str
    records: int = 0
    new: int = 0
    verdicts: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)


class NoAliasLoader(yaml.SafeLoader):
    """YAML without aliases: an alias can make a small file into billions of items."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"aliases are not allowed (line {event.start_mark.line + 1})")
        return super().compose_node(parent, index)


def read_records(path: Path) -> list[tuple[str, dict]]:
    """(where, record) for each record of the file; ImportProblems if it cannot be read."""
    fmt = FORMATS.get(path.suffix.casefold())
    if fmt is None:
        raise ImportProblems([(str(path), f"unknown format {path.suffix or '(no extension)'!r}; "
                             "use .csv, .json, .jsonl or .yaml")])
    if not path.is_file():
        raise ImportProblems([(str(path), "no such file" if not path.exists() else "not a regular file")])
    if path.stat().st_size > MAX_BYTES:
        raise ImportProblems([(str(path), f"too large ({path.stat().st_size:,} bytes; at most {MAX_BYTES:,})")])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise ImportProblems([(str(path), f"not UTF-8 text (invalid byte at offset {e.start})")])
    try:
        if fmt == "csv":
            rows = csv.DictReader(io.StringIO(text))
            return [(f"line {rows.line_num}", row) for row in rows]
        if fmt == "jsonl":
            return [(f"line {n}", json.loads(line)) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        data = json.loads(text) if fmt == "json" else yaml.load(text, Loader=NoAliasLoader)
    except (json.JSONDecodeError, yaml.YAMLError, csv.Error) as e:
        raise ImportProblems([(str(path), f"not valid {fmt.upper()} ({str(e).splitlines()[0]})")])
    if isinstance(data, dict) and isinstance(data.get("claims"), list):
        data = data["claims"]
    if not isinstance(data, list):
        raise ImportProblems([(str(path), "expected a list of claims (or {\"claims\": [...]})")])
    return [(f"record {n}", r) for n, r in enumerate(data, 1)]


def _text(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        raise ValueError(f"expected text, got {type(value).__name__}")
    value = " ".join(str(value).split())
    return value or None


def _date(value, name: str) -> str | None:
    value = _text(value) if not isinstance(value, dt.date) else value.isoformat()
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{name} {value!r} is not a date (YYYY-MM-DD)") from None


def _url(value, name: str) -> str | None:
    value = _text(value)
    if value is None:
        return None
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValueError(f"{name} {value!r} is not an http(s) address")
    return value


def parse_record(where: str, raw) -> Record:
    """A checked record, or a ValueError naming what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("expected an object with fields")
    unknown = sorted(set(raw) - FIELDS - {None})
    if unknown:
        raise ValueError(f"unknown field{'s' * (len(unknown) > 1)} {', '.join(unknown)}")
    speakers = raw.get("speakers")
    if isinstance(speakers, str):
        speakers = speakers.split(";")
    if not isinstance(speakers, list) or not speakers:
        raise ValueError("speakers: one name or more")
    names = [_text(s) for s in speakers]
    if not all(names):
        raise ValueError("speakers: a name cannot be empty")
    stance = _text(raw.get("stance"))
    if stance not in STANCE_IDS:
        raise ValueError(f"stance {stance!r} is not one of {', '.join(STANCE_IDS)}")
    text = _text(raw.get("text"))
    if not text:
        raise ValueError("text is empty")
    article_id = raw.get("article_id")
    if article_id in ("", None):
        article_id = None
    else:
        try:
            article_id = int(article_id)
        except (TypeError, ValueError):
            raise ValueError(f"article_id {article_id!r} is not a number") from None
    claim = ClaimValue(speakers=tuple(SpeakerValue(n, n) for n in names), stance=stance, text=text,
                       quote=_text(raw.get("quote")), cue=_text(raw.get("cue")), note=_text(raw.get("note")))
    check_manual_claim(claim)
    verdict = None
    rating = _text(raw.get("verdict"))
    if rating or raw.get("verdict_by"):
        verdict = check_verdict(Verdict("", rating or "", _text(raw.get("verdict_by")) or "",
                                        url=_url(raw.get("verdict_url"), "verdict_url"),
                                        date=_date(raw.get("verdict_date"), "verdict_date")))
    return Record(where, claim, article_id, _date(raw.get("date"), "date"), _url(raw.get("url"), "url"), verdict)


def import_file(db: sqlite_utils.Database, path: Path) -> ImportResult:
    """Import one file in one transaction; ImportProblems with every bad record if any."""
    result = ImportResult(str(path))
    records, problems = [], []
    for where, raw in read_records(path):
        try:
            records.append(parse_record(where, raw))
        except ValueError as e:
            problems.append((where, str(e)))
    if problems:
        raise ImportProblems(problems)
    with transaction(db):
        for r in records:
            try:
                cid, new = write_manual_claim(db, r.claim, r.article_id, published=r.date, source_url=r.url)
                if r.verdict:
                    v = Verdict(cid, r.verdict.rating, r.verdict.author, url=r.verdict.url, date=r.verdict.date)
                    result.verdicts += add_verdict_in(db, v)
            except ValueError as e:
                problems.append((r.where, str(e)))
                continue
            result.records += 1
            result.new += new
        if problems:
            raise ImportProblems(problems)
    return result
