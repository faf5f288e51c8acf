"""The database: numbered migrations (sqlite-utils), full-text search, indexes, views.

``open_db(path)`` opens (or creates) a factdb database and brings its schema up
to date. Every migration is applied once and recorded in ``_sqlite_migrations``,
so opening a database again changes nothing.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from .models import STANCES


class DatabaseError(Exception):
    """The database cannot be opened or written; the message says why."""


migrations = Migrations("factdb")

CLAIMS_VIEW = """
CREATE VIEW claims_view AS
SELECT
  claims.id AS id,
  claims.article_id AS article_id,
  articles.title AS article,
  articles.outlet AS outlet,
  articles.published AS published,
  articles.language AS language,
  claims.stance AS stance,
  (SELECT json_group_array(name) FROM (
     SELECT speakers.name AS name FROM claim_speakers
     JOIN speakers ON speakers.id = claim_speakers.speaker_id
     WHERE claim_speakers.claim_id = claims.id ORDER BY claim_speakers.position)) AS speakers,
  (SELECT group_concat(name, ' + ') FROM (
     SELECT speakers.name AS name FROM claim_speakers
     JOIN speakers ON speakers.id = claim_speakers.speaker_id
     WHERE claim_speakers.claim_id = claims.id ORDER BY claim_speakers.position)) AS speakers_display,
  claims.text AS text,
  claims.quote AS quote,
  claims.cue AS cue,
  claims.sentence AS sentence,
  claims.origin AS origin,
  claims.start AS start,
  claims."end" AS "end",
  claims.rowid AS claim_rowid
FROM claims
LEFT JOIN articles ON articles.id = claims.article_id
"""


@migrations()
def m001_initial(db: sqlite_utils.Database) -> None:
    db["articles"].create({
        "id": int, "source_file": str, "title": str, "body": str, "language": str,
        "outlet": str, "published": str, "url": str, "dateline": str,
        "content_hash": str, "ingested_at": str,
    }, pk="id", not_null={"source_file", "title", "body", "language", "content_hash", "ingested_at"})
    db["speakers"].create({"id": int, "name": str, "kind": str, "description": str},
                          pk="id", not_null={"name"})
    db["speaker_aliases"].create({"id": int, "speaker_id": int, "alias": str}, pk="id",
                                 not_null={"speaker_id", "alias"},
                                 foreign_keys=[("speaker_id", "speakers", "id")])
    db["stances"].create({"id": str, "label": str, "description": str, "polarity": str}, pk="id",
                         not_null={"label", "description", "polarity"})
    db["claims"].create({
        "id": str, "article_id": int, "stance": str, "text": str, "quote": str, "cue": str,
        "sentence": str, "start": int, "end": int, "paragraph": int, "origin": str,
        "note": str, "created_at": str,
    }, pk="id", not_null={"stance", "text", "origin", "created_at"},
        foreign_keys=[("article_id", "articles", "id"), ("stance", "stances", "id")])
    db["claim_speakers"].create({"claim_id": str, "speaker_id": int, "mention": str, "position": int},
                                pk=("claim_id", "speaker_id"), not_null={"position"},
                                foreign_keys=[("claim_id", "claims", "id"), ("speaker_id", "speakers", "id")])
    db["claim_relations"].create({"from_claim_id": str, "to_claim_id": str, "type": str, "origin": str},
                                 pk=("from_claim_id", "to_claim_id", "type"), not_null={"origin"},
                                 foreign_keys=[("from_claim_id", "claims", "id"), ("to_claim_id", "claims", "id")])
    db["stances"].insert_all(
        [{"id": i, "label": label, "description": d, "polarity": p} for i, label, d, p in STANCES])
    for table, columns, unique in [
        ("articles", ["content_hash"], True),
        ("articles", ["language"], False),
        ("articles", ["outlet"], False),
        ("articles", ["published"], False),
        ("speakers", ["name"], True),
        ("speakers", ["kind"], False),
        ("speaker_aliases", ["speaker_id"], False),
        ("speaker_aliases", ["alias"], False),
        ("speaker_aliases", ["speaker_id", "alias"], True),
        ("claims", ["article_id"], False),
        ("claims", ["stance"], False),
        ("claims", ["origin"], False),
        ("claim_speakers", ["speaker_id"], False),
        ("claim_relations", ["to_claim_id"], False),
        ("claim_relations", ["type"], False),
    ]:
        db[table].create_index(columns, unique=unique)
    db["claims"].enable_fts(["text", "quote", "sentence"], create_triggers=True, tokenize="unicode61")
    db["articles"].enable_fts(["title", "body"], create_triggers=True, tokenize="unicode61")
    db.execute(CLAIMS_VIEW)


@migrations()
def m002_alias_origin(db: sqlite_utils.Database) -> None:
    """Aliases people add by hand (``factdb alias``) are told apart from extracted ones."""
    db["speaker_aliases"].add_column("origin", str, not_null_default="extracted")


@migrations()
def m003_speaker_identity(db: sqlite_utils.Database) -> None:
    """One speaker per person: each claim keeps the name it gives (``claim_speakers.name``)
    and the role it gives (``role``); ``speaker_aliases`` maps each name to one speaker
    with the link's origin; speakers carry what resolution looks them up by."""
    from .identity import Resolver, name_key, short_form

    speakers = db["speakers"]
    for column, kind in [("key", str), ("first_word", str), ("last_word", str)]:
        speakers.add_column(column, kind)
    speakers.add_column("ambiguous", int, not_null_default=0)
    speakers.add_column("name_origin", str, not_null_default="extracted")
    db["speaker_aliases"].add_column("key", str)
    db["speaker_aliases"].add_column("merged_from", str)
    db["claim_speakers"].add_column("name", str)
    db["claim_speakers"].add_column("role", str)
    db["claim_speakers"].add_column("short", str)
    db.execute("update claim_speakers set name = (select name from speakers where id = speaker_id), "
               "role = (select description from speakers where id = speaker_id)")
    for rowid, mention, name in list(db.execute("select rowid, mention, name from claim_speakers")):
        db.execute("update claim_speakers set short = ? where rowid = ?", [short_form(mention, name), rowid])
    # names only: mentions with titles, and titles alone, were stored as aliases before
    db.execute("delete from speaker_aliases where origin != 'manual'")
    db.execute("delete from speaker_aliases where id not in (select min(id) from speaker_aliases group by alias)")
    for sid, name, kind in list(db.execute("select id, name, kind from speakers")):
        words = name_key(name).split()
        person = kind == "person" and len(words) >= 2
        db.execute("update speakers set key = ?, first_word = ?, last_word = ? where id = ?",
                   [name_key(name), words[0] if person else None, words[-1] if person else None, sid])
    for aid, alias in list(db.execute("select id, alias from speaker_aliases")):
        db.execute("update speaker_aliases set key = ? where id = ?", [name_key(alias), aid])
    for table, columns, unique in [
        ("speakers", ["key"], False),
        ("speakers", ["first_word"], False),
        ("speakers", ["last_word"], False),
        ("speakers", ["ambiguous"], False),
        ("speaker_aliases", ["alias"], True),
        ("speaker_aliases", ["key"], False),
        ("claim_speakers", ["name"], False),
        ("claim_speakers", ["short", "speaker_id"], False),
        ("claim_speakers", ["mention"], False),
    ]:
        db[table].create_index(columns, unique=unique,
                               index_name=f"idx_{table}_{'_'.join(columns)}{'_unique' if unique else ''}")
    Resolver(db).rebuild()


def open_db(path: str | Path) -> sqlite_utils.Database:
    """Open a factdb database, creating it and applying pending migrations."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a database file")
    try:
        conn = sqlite3.connect(str(path))
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        migrations.apply(db)
    except sqlite3.DatabaseError as e:
        raise DatabaseError(f"{path}: cannot open or write the database ({e})") from None
    return db
