"""Writing articles, claims, speakers and relations: one transaction per article.

This layer knows rows, not language: it takes an article and its extracted
claims (plain values) and writes them inside one transaction, each table's
rows with one ``executemany`` (no savepoint per chunk, no look at the schema
per insert: at archive scale, writes cost about what a bare ``executemany`` of
the same rows does; see benchmarks/writes.py). Ids are deterministic, so
writing the same article again finds it and changes nothing.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace

import sqlite_utils

from .groups import Grouper
from .identity import EXTRACTED, MANUAL, Resolver, short_form
from .models import RELATION_TYPES, STANCE_IDS
from .db import transaction


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
    sentence_start: int | None = None  # the sentence as offsets in the body (then ``sentence`` is not stored)
    sentence_end: int | None = None
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


def _insert_sql(table: str, columns: list[str], conflict: str | None = None) -> str:
    quoted = ", ".join(f'"{c}"' for c in columns)
    return (f'insert {"or " + conflict + " " if conflict else ""}into "{table}" ({quoted}) '
            f'values ({", ".join("?" * len(columns))})')


def insert_rows(db: sqlite_utils.Database, table: str, rows: list[dict], conflict: str | None = "ignore") -> None:
    """Insert rows (dicts with the same keys) with one ``executemany``: ``conflict``
    is what a row that is there already does (``ignore``, ``replace``, or None: fail)."""
    if rows:
        columns = list(rows[0])
        db.conn.executemany(_insert_sql(table, columns, conflict), [tuple(r[c] for c in columns) for r in rows])


def insert_row(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """Insert one row; its rowid."""
    return db.conn.execute(_insert_sql(table, list(row)), list(row.values())).lastrowid


def _by_mention(resolver: Resolver, s: SpeakerValue) -> SpeakerValue:
    """A mention that people linked to a speaker by hand ("Pemimpin Tertinggi X")
    names that speaker, whatever the extractor made of it."""
    if s.mention and s.mention != s.name and resolver.speaker_of(s.name) is None and resolver.one(
            "select 1 from speaker_aliases where alias = ? and origin = 'manual'", [s.mention]):
        return replace(s, name=s.mention)
    return s


def _resolve(resolver: Resolver, claims: list[tuple[str, tuple[SpeakerValue, ...]]]):
    """Resolve every speaker of the claims (creating speakers where none fits)."""
    seen: dict[SpeakerValue, SpeakerValue] = {}  # (nothing is written meanwhile: each speaker once)
    claims = [(cid, tuple(seen[s] if s in seen else seen.setdefault(s, _by_mention(resolver, s)) for s in speakers))
              for cid, speakers in claims]
    resolved = set()  # (resolving a name links that name only: once is enough)
    for _, speakers in claims:
        for s in speakers:
            if s.name not in resolved:
                resolver.resolve(s.name, s.kind, s.description)
                resolved.add(s.name)
    return claims


def _search_names(resolver: Resolver, speakers: tuple[SpeakerValue, ...], memo: dict | None = None) -> str | None:
    """What a search finds a claim by: its speakers' names, the names its article gives
    them and the aliases people added (as :func:`refresh_speaker_names` stores them).
    ``memo`` keeps what was read of each name for the other claims of one article."""
    memo = {} if memo is None else memo
    names: list[str] = []
    for s in speakers:
        if s.name not in memo:
            sid = resolver.speaker_of(s.name)
            memo[s.name] = (sid, resolver.one("select name from speakers where id = ?", [sid])[0], [
                r[0] for r in resolver.db.conn.execute(
                    "select alias from speaker_aliases where speaker_id = ? and origin = 'manual'", [sid])])
        _, name, manual = memo[s.name]
        names += [name, s.name, *manual]
    return " ; ".join(dict.fromkeys(names)) or None


def _link_speakers(resolver: Resolver, claims, replace: bool = False, forget: set[str] = frozenset(),
                   sids: dict[str, int] | None = None) -> None:
    """Link each claim to the speakers its names map to (one link per speaker and
    claim; ``sids``: those already read); forget the names in ``forget`` that no claim
    gives any more; then look again at the short names these claims bear on."""
    links, sids, shorts = [], dict(sids or {}), {}
    for cid, speakers in claims:
        seen = set()
        for position, s in enumerate(speakers):
            sid = sids[s.name] if s.name in sids else sids.setdefault(s.name, resolver.speaker_of(s.name))
            if sid not in seen:
                seen.add(sid)
                key = (s.mention, s.name)
                short = shorts[key] if key in shorts else shorts.setdefault(key, short_form(s.mention, s.name))
                links.append({"claim_id": cid, "speaker_id": sid, "name": s.name, "mention": s.mention,
                              "role": s.description, "short": short, "position": position})
    insert_rows(resolver.db, "claim_speakers", links, "replace" if replace else "ignore")
    resolver.forget(forget)
    resolver.recheck(link["short"] for link in links)
    resolver.settle()


def stored_article_id(db: sqlite_utils.Database, content_hash: str) -> int | None:
    """The id of the article with this text, if it is stored."""
    row = db.execute("select id from articles where content_hash = ?", [content_hash]).fetchone()
    return row[0] if row else None


def store_article(db: sqlite_utils.Database, article: dict, content_hash: str,
                  claims: list[ClaimValue], relations: list[tuple[int, int, str]],
                  replace: bool = False) -> StoreResult:
    """Write one article and its claims in one transaction.

    An article already stored (same content hash) is left as it is, unless
    ``replace``: then its claims are extracted again. An article whose text
    changed (the same ``url``, or the same ``source_path``) is an edit: its row
    takes the new text. Either way nothing people added is lost: a claim found
    again keeps its id (so its verdicts, relations and group), and a claim no
    longer found that carries a verdict, a relation made by hand or a group is
    kept, marked ``superseded``; manual claims are never touched.
    """
    with transaction(db):
        article_id = stored_article_id(db, content_hash)
        if article_id is not None and not replace:
            return StoreResult(article_id, False, 0, 0)
        new = article_id is None
        if new:
            article_id, new = _write_article(db, article, content_hash)
        grouper, resolver = Grouper(db), Resolver(db)
        # (an article just stored has no claims yet: nothing to find again or retire)
        earlier = {} if new else _extracted_by_key(db, article_id)
        cids = [earlier.pop(_key(c), None) or claim_id("c", content_hash, c.start, c.end, c.stance) for c in claims]
        gone = _retire(db, earlier.values(), grouper)
        found_again = set() if new else _refresh_found_again(db, article_id, cids)
        resolved = _resolve(resolver, [(cid, c.speakers) for cid, c in zip(cids, claims)])
        stamp, memo = now(), {}
        claim_rows = [_claim_row(article_id, article, cid, c, _search_names(resolver, speakers, memo), stamp)
                      for (cid, speakers), c in zip(resolved, claims)]
        if found_again:
            db["claims"].upsert_all(claim_rows, pk="id", alter=False)
        else:
            insert_rows(db, "claims", claim_rows)
        _link_speakers(resolver, resolved, forget=gone, sids={name: m[0] for name, m in memo.items()})
        grouper.add([cid for cid in cids if cid not in found_again])
        grouper.finish()
        insert_rows(db, "claim_relations", [{"from_claim_id": cids[a], "to_claim_id": cids[b], "type": t,
                                             "origin": EXTRACTED} for a, b, t in relations])
    return StoreResult(article_id, True, len(set(cids)), resolver.created)


def _write_article(db, article: dict, content_hash: str) -> tuple[int, bool]:
    """The article's row written: (its id, whether it is new). An edit of a stored
    article (:func:`_earlier_version`) takes that row, with the new text."""
    article_id = _earlier_version(db, article)
    row = {**article, "content_hash": content_hash, "ingested_at": now()}
    if article_id is not None:
        db["articles"].update(article_id, row)
        return article_id, False
    return insert_row(db, "articles", row), True


def _claim_row(article_id: int, article: dict, cid: str, c: ClaimValue, speaker_names: str | None,
               stamp: str) -> dict:
    """An extracted claim's row, with what pages facet on copied from its article."""
    return {
        "id": cid, "article_id": article_id, "stance": c.stance, "text": c.text,
        "quote": c.quote, "cue": c.cue, "start": c.start, "end": c.end, "paragraph": c.paragraph,
        # the body holds the sentence: offsets, not a copy (storage stays linear in the input)
        "sentence": c.sentence if c.sentence_start is None else None,
        "sentence_start": c.sentence_start, "sentence_end": c.sentence_end, "origin": EXTRACTED, "note": None,
        "created_at": stamp, "published": article.get("published"), "outlet": article.get("outlet"),
        "language": article.get("language"), "speaker_names": speaker_names, "superseded": 0,
    }


def _key(c: ClaimValue) -> tuple:
    """What makes an extracted claim the same claim in a new extraction of its article."""
    return (c.stance, c.text, tuple(s.name for s in c.speakers))


def _earlier_version(db, article: dict) -> int | None:
    """The stored article this one is an edit of: the same url, else the same file."""
    for column in ("url", "source_path"):
        if article.get(column):
            row = db.execute(f"select id from articles where {column} = ? order by id limit 1",
                             [article[column]]).fetchone()
            if row:
                return row[0]
    return None


def _extracted_by_key(db, article_id: int) -> dict[tuple, str]:
    """The article's current extracted claims by what makes them the same claim."""
    out: dict[tuple, str] = {}
    # (+: by the article's index, not by origin's or superseded's, which match nearly every claim)
    for cid, stance, text in db.execute("select id, stance, text from claims where article_id = ? "
                                        "and +origin = 'extracted' and +superseded = 0 order by id", [article_id]):
        names = tuple(r[0] for r in db.execute(
            "select name from claim_speakers where claim_id = ? order by position", [cid]))
        out.setdefault((stance, text, names), cid)
    return out


def _retire(db, claim_ids, grouper: Grouper) -> set[str]:
    """Extracted claims a new extraction no longer finds: kept and marked superseded
    when they carry a verdict, a relation made by hand or a group, deleted otherwise.
    Returns the names the deleted ones gave their speakers."""
    names: set[str] = set()
    for cid in claim_ids:
        db.execute("delete from claim_relations where origin = 'extracted' and (from_claim_id = ? or to_claim_id = ?)",
                   [cid, cid])
        kept = db.execute(
            "select 1 from claims where id = ? and (group_id is not null or exists (select 1 from verdicts "
            "where claim_id = ?) or exists (select 1 from claim_relations where from_claim_id = ? or to_claim_id = ?))",
            [cid, cid, cid, cid]).fetchone()
        if kept:
            db.execute('update claims set superseded = 1, start = null, "end" = null where id = ?', [cid])
            continue
        grouper.remove([cid])
        names.update(r[0] for r in db.execute("select name from claim_speakers where claim_id = ?", [cid]))
        db.execute("delete from claim_speakers where claim_id = ?", [cid])
        db.execute("delete from claims where id = ?", [cid])
    return names


def _refresh_found_again(db, article_id: int, cids: list[str]) -> set[str]:
    """Claims of the new extraction that are stored already: their extracted relations
    and speaker links are written again (their verdicts, manual relations and group stay)."""
    found = {r[0] for r in db.execute(
        f"select id from claims where article_id = ? and id in ({', '.join('?' * len(cids))})",
        [article_id, *cids])} if cids else set()
    for cid in found:
        db.execute("delete from claim_relations where origin = 'extracted' and (from_claim_id = ? or to_claim_id = ?)",
                   [cid, cid])
        db.execute("delete from claim_speakers where claim_id = ?", [cid])
    return found


def check_manual_claim(claim: ClaimValue) -> None:
    """What can be said of a claim by hand without the database; a ValueError if wrong."""
    if claim.stance not in STANCE_IDS:
        raise ValueError(f"unknown stance {claim.stance!r} (one of: {', '.join(STANCE_IDS)})")
    if not claim.speakers:
        raise ValueError("a claim needs at least one speaker")
    if any(not s.name.strip() for s in claim.speakers):
        raise ValueError("a speaker's name cannot be empty")
    if not claim.text.strip():
        raise ValueError("a claim needs its text")


def add_manual_claim(db: sqlite_utils.Database, claim: ClaimValue, article_id: int | None = None,
                     relations: list[tuple[str, str]] = (), published: str | None = None,
                     source_url: str | None = None) -> str:
    """Add a claim by hand (origin ``manual``) in one transaction; returns its id.
    ``relations`` are (type, other claim id) pairs from this claim."""
    check_manual_claim(claim)
    with transaction(db):
        cid, _ = write_manual_claim(db, claim, article_id, relations, published, source_url)
    return cid


def write_manual_claim(db: sqlite_utils.Database, claim: ClaimValue, article_id: int | None = None,
                       relations: list[tuple[str, str]] = (), published: str | None = None,
                       source_url: str | None = None) -> tuple[str, bool]:
    """Write a claim by hand inside the caller's transaction: (its id, whether it is
    new). The same claim again (same speakers, stance, text and article) is the
    same id and changes nothing."""
    if article_id is not None and not db.execute("select 1 from articles where id = ?", [article_id]).fetchone():
        raise ValueError(f"no article with id {article_id}")
    for rtype, other in relations:
        if rtype not in RELATION_TYPES:
            raise ValueError(f"unknown relation {rtype!r} (one of: {', '.join(RELATION_TYPES)})")
        if not db.execute("select 1 from claims where id = ?", [other]).fetchone():
            raise ValueError(f"no claim with id {other!r}")
    cid = claim_id("m", article_id, claim.stance, claim.text, "|".join(s.name for s in claim.speakers))
    if db.execute("select 1 from claims where id = ?", [cid]).fetchone():
        return cid, False
    resolver = Resolver(db)
    [(_, speakers)] = _resolve(resolver, [(cid, claim.speakers)])
    article = db.execute("select published, outlet, language from articles where id = ?",
                         [article_id]).fetchone() or (published, None, None)
    db["claims"].insert({
        "id": cid, "article_id": article_id, "stance": claim.stance, "text": claim.text,
        "quote": claim.quote, "cue": claim.cue, "sentence": claim.sentence,
        "start": claim.start, "end": claim.end, "paragraph": claim.paragraph,
        "origin": MANUAL, "note": claim.note, "created_at": now(), "published": article[0],
        "outlet": article[1], "language": article[2], "speaker_names": _search_names(resolver, speakers),
        "source_url": source_url,
    })
    _link_speakers(resolver, [(cid, speakers)])
    grouper = Grouper(db)
    grouper.add([cid])
    grouper.finish()
    db["claim_relations"].insert_all(
        [{"from_claim_id": cid, "to_claim_id": other, "type": t, "origin": MANUAL}
         for t, other in relations], ignore=True)
    return cid, True
