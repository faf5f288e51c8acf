"""Writing articles, claims, speakers and relations: one transaction per article.

This layer knows rows, not language: it takes an article and its extracted
claims (plain values) and writes them with sqlite-utils bulk inserts inside
``db.atomic()``. Ids are deterministic, so writing the same article again
finds it and changes nothing.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import sqlite_utils

from .models import RELATION_TYPES, STANCE_IDS

EXTRACTED, MANUAL = "extracted", "manual"


@dataclass(frozen=True)
class SpeakerValue:
    name: str
    mention: str | None = None
    kind: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class ClaimValue:
    speakers: tuple[SpeakerValue, ...]
    stance: str
    text: str
    quote: str | None = None
    cue: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    paragraph: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class StoreResult:
    article_id: int
    new: bool
    claims: int
    speakers: int


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def claim_id(prefix: str, *parts) -> str:
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


def speaker_by_alias(db: sqlite_utils.Database, name: str):
    """The one speaker known under this alias, if exactly one is. Extracted
    aliases count only with several words (a lone "Budi" in two articles may
    be two people); an alias a person added counts whatever its length."""
    rows = db.execute(
        "select distinct speaker_id from speaker_aliases where alias = ? and (origin = 'manual' or ?) limit 2",
        [name, len(name.split()) >= 2]).fetchall()
    return rows[0] if len(rows) == 1 else None


class SpeakerIds:
    """Speaker name -> id, creating speakers on first sight.

    A name is one speaker across articles: the canonical name first, then an
    alias of several words that only one speaker has (so "Presiden Budi Hendarto",
    or an alias a person added to ``speaker_aliases``, finds the speaker). Remembers
    ids only once the transaction that created them has committed."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db
        self.committed: dict[str, int] = {}
        self.pending: dict[str, int] = {}

    def get(self, s: SpeakerValue) -> tuple[int, bool]:
        if s.name in self.committed:
            return self.committed[s.name], False
        if s.name in self.pending:
            return self.pending[s.name], False
        row = (self.db.execute("select id from speakers where name = ?", [s.name]).fetchone()
               or speaker_by_alias(self.db, s.name) or (s.mention and speaker_by_alias(self.db, s.mention)))
        if row:
            self.pending[s.name] = row[0]
            return row[0], False
        pk = self.db["speakers"].insert(
            {"name": s.name, "kind": s.kind, "description": s.description}).last_pk
        self.pending[s.name] = pk
        return pk, True

    def commit(self) -> None:
        self.committed.update(self.pending)
        self.pending.clear()

    def rollback(self) -> None:
        self.pending.clear()


def _speaker_rows(db, ids: SpeakerIds, cid: str, speakers, aliases: set, links: list) -> int:
    created = 0
    seen = set()
    for position, s in enumerate(speakers):
        sid, new = ids.get(s)
        created += new
        if sid in seen:
            continue
        seen.add(sid)
        links.append({"claim_id": cid, "speaker_id": sid, "mention": s.mention, "position": position})
        for alias in {s.name, s.mention} - {None, ""}:
            aliases.add((sid, alias))
    return created


def stored_article_id(db: sqlite_utils.Database, content_hash: str) -> int | None:
    """The id of the article with this text, if it is stored."""
    row = db.execute("select id from articles where content_hash = ?", [content_hash]).fetchone()
    return row[0] if row else None


def store_article(db: sqlite_utils.Database, ids: SpeakerIds, article: dict, content_hash: str,
                  claims: list[ClaimValue], relations: list[tuple[int, int, str]],
                  replace: bool = False) -> StoreResult:
    """Write one article and its claims in one transaction.

    An article already stored (same content hash) is left as it is, unless
    ``replace``: then its extracted claims are written again, and what people
    added by hand (manual claims and relations) is kept.
    """
    try:
        with db.atomic():
            article_id = stored_article_id(db, content_hash)
            if article_id is not None and not replace:
                return StoreResult(article_id, False, 0, 0)
            if article_id is not None:
                _delete_extracted(db, article_id)
            else:
                article_id = db["articles"].insert(
                    {**article, "content_hash": content_hash, "ingested_at": now()}).last_pk
            claim_rows, links, aliases, created = [], [], set(), 0
            cids = []
            stamp = now()
            for c in claims:
                cid = claim_id("c", content_hash, c.start, c.end, c.stance)
                cids.append(cid)
                claim_rows.append({
                    "id": cid, "article_id": article_id, "stance": c.stance, "text": c.text,
                    "quote": c.quote, "cue": c.cue, "sentence": c.sentence, "start": c.start,
                    "end": c.end, "paragraph": c.paragraph, "origin": EXTRACTED, "note": None,
                    "created_at": stamp,
                })
                created += _speaker_rows(db, ids, cid, c.speakers, aliases, links)
            db["claims"].insert_all(claim_rows, ignore=True, batch_size=500)
            db["claim_speakers"].insert_all(links, ignore=True, batch_size=500)
            _insert_aliases(db, aliases)
            db["claim_relations"].insert_all(
                [{"from_claim_id": cids[a], "to_claim_id": cids[b], "type": t, "origin": EXTRACTED}
                 for a, b, t in relations], ignore=True)
    except BaseException:
        ids.rollback()
        raise
    ids.commit()
    return StoreResult(article_id, True, len(claim_rows), created)


def _insert_aliases(db, aliases: set) -> None:
    db["speaker_aliases"].insert_all(
        [{"speaker_id": sid, "alias": alias} for sid, alias in sorted(aliases)], ignore=True, batch_size=500)


def _delete_extracted(db, article_id: int) -> None:
    """Remove an article's extracted claims, except those a person linked to by hand."""
    doomed = [r[0] for r in db.execute(
        "select id from claims where article_id = ? and origin = 'extracted' and id not in "
        "(select from_claim_id from claim_relations where origin = 'manual' "
        " union select to_claim_id from claim_relations where origin = 'manual')", [article_id])]
    for cid in doomed:
        db.execute("delete from claim_relations where from_claim_id = ? or to_claim_id = ?", [cid, cid])
        db.execute("delete from claim_speakers where claim_id = ?", [cid])
        db.execute("delete from claims where id = ?", [cid])


def add_alias(db: sqlite_utils.Database, speaker: str, alias: str) -> int:
    """Record by hand that ``alias`` names ``speaker`` (a name or an existing alias);
    later ingests give claims under that alias to this speaker. Returns the speaker id."""
    alias = " ".join(alias.split())
    if not alias:
        raise ValueError("an alias cannot be empty")
    with db.atomic():
        row = db.execute("select id from speakers where name = ?", [speaker]).fetchone() or \
            speaker_by_alias(db, speaker)
        if not row:
            raise ValueError(f"no speaker named {speaker!r}")
        db.execute("insert into speaker_aliases (speaker_id, alias, origin) values (?, ?, 'manual') "
                   "on conflict (speaker_id, alias) do update set origin = 'manual'", [row[0], alias])
    return row[0]


def add_manual_claim(db: sqlite_utils.Database, claim: ClaimValue, article_id: int | None = None,
                     relations: list[tuple[str, str]] = ()) -> str:
    """Add a claim by hand (origin ``manual``); returns its id. ``relations``
    are (type, other claim id) pairs from this claim."""
    if claim.stance not in STANCE_IDS:
        raise ValueError(f"unknown stance {claim.stance!r} (one of: {', '.join(STANCE_IDS)})")
    if not claim.speakers:
        raise ValueError("a claim needs at least one speaker")
    if not claim.text.strip():
        raise ValueError("a claim needs its text")
    ids = SpeakerIds(db)
    try:
        with db.atomic():
            if article_id is not None and not db.execute(
                    "select 1 from articles where id = ?", [article_id]).fetchone():
                raise ValueError(f"no article with id {article_id}")
            for rtype, other in relations:
                if rtype not in RELATION_TYPES:
                    raise ValueError(f"unknown relation {rtype!r} (one of: {', '.join(RELATION_TYPES)})")
                if not db.execute("select 1 from claims where id = ?", [other]).fetchone():
                    raise ValueError(f"no claim with id {other!r}")
            cid = claim_id("m", article_id, claim.stance, claim.text,
                           "|".join(s.name for s in claim.speakers))
            db["claims"].insert({
                "id": cid, "article_id": article_id, "stance": claim.stance, "text": claim.text,
                "quote": claim.quote, "cue": claim.cue, "sentence": claim.sentence,
                "start": claim.start, "end": claim.end, "paragraph": claim.paragraph,
                "origin": MANUAL, "note": claim.note, "created_at": now(),
            }, replace=True)
            links, aliases = [], set()
            _speaker_rows(db, ids, cid, claim.speakers, aliases, links)
            db["claim_speakers"].insert_all(links, replace=True)
            _insert_aliases(db, aliases)
            db["claim_relations"].insert_all(
                [{"from_claim_id": cid, "to_claim_id": other, "type": t, "origin": MANUAL}
                 for t, other in relations], replace=True)
    except BaseException:
        ids.rollback()
        raise
    return cid
