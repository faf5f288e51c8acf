"""The database: numbered migrations (sqlite-utils), full-text search, indexes, views.

``open_db(path)`` opens (or creates) a factdb database and brings its schema up
to date. Every migration is applied once and recorded in ``_sqlite_migrations``,
so opening a database again changes nothing.
"""
from __future__ import annotations

import contextlib
import random
import sqlite3
import time
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


# One row per claim for reading: every column a page filters, facets or sorts on is a
# column of ``claims`` with an index, so no facet needs a join or a JSON array; the
# speakers (a correlated subquery) are computed for the rows a page shows only.
CLAIMS_VIEW_V2 = """
CREATE VIEW claims_view AS
SELECT
  claims.id AS id,
  claims.published AS published,
  claims.stance AS stance,
  (SELECT group_concat(name, ' + ') FROM (
     SELECT speakers.name AS name FROM claim_speakers
     JOIN speakers ON speakers.id = claim_speakers.speaker_id
     WHERE claim_speakers.claim_id = claims.id ORDER BY claim_speakers.position)) AS speakers,
  claims.text AS text,
  claims.quote AS quote,
  articles.title AS article,
  claims.outlet AS outlet,
  claims.language AS language,
  claims.cue AS cue,
  claims.origin AS origin,
  claims.article_id AS article_id,
  claims.sentence AS sentence,
  claims.start AS start,
  claims."end" AS "end",
  claims.rowid AS claim_rowid,
  (SELECT json_group_array(json_object('id', id, 'name', name)) FROM (
     SELECT speakers.id AS id, speakers.name AS name FROM claim_speakers
     JOIN speakers ON speakers.id = claim_speakers.speaker_id
     WHERE claim_speakers.claim_id = claims.id ORDER BY claim_speakers.position)) AS speakers_json,
  (SELECT json_group_array(json_object('type', r.type, 'id', r.to_claim_id, 'text', t.text,
     'speakers', (SELECT group_concat(name, ' + ') FROM (
        SELECT speakers.name AS name FROM claim_speakers
        JOIN speakers ON speakers.id = claim_speakers.speaker_id
        WHERE claim_speakers.claim_id = r.to_claim_id ORDER BY claim_speakers.position))))
   FROM claim_relations r JOIN claims t ON t.id = r.to_claim_id WHERE r.from_claim_id = claims.id) AS answers_json
FROM claims
LEFT JOIN articles ON articles.id = claims.article_id
"""

# Counts that pages show for the whole database, kept by triggers as rows change:
# claims per stance, outlet and language; claims per speaker and stance (stance '*':
# all of the speaker's claims).
COUNT_TRIGGERS = """
CREATE TRIGGER claims_count_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claim_counts (facet, value, claims)
    SELECT f, v, 1 FROM (SELECT 'stance' AS f, new.stance AS v UNION ALL SELECT 'outlet', new.outlet
                         UNION ALL SELECT 'language', new.language) WHERE v IS NOT NULL
    ON CONFLICT (facet, value) DO UPDATE SET claims = claims + 1;
END;
CREATE TRIGGER claims_count_delete AFTER DELETE ON claims BEGIN
  UPDATE claim_counts SET claims = claims - 1
    WHERE (facet = 'stance' AND value = old.stance) OR (facet = 'outlet' AND value = old.outlet)
       OR (facet = 'language' AND value = old.language);
  DELETE FROM claim_counts WHERE claims <= 0;
END;
CREATE TRIGGER claims_count_update AFTER UPDATE OF stance, outlet, language ON claims BEGIN
  UPDATE claim_counts SET claims = claims - 1
    WHERE (facet = 'stance' AND value = old.stance) OR (facet = 'outlet' AND value = old.outlet)
       OR (facet = 'language' AND value = old.language);
  INSERT INTO claim_counts (facet, value, claims)
    SELECT f, v, 1 FROM (SELECT 'stance' AS f, new.stance AS v UNION ALL SELECT 'outlet', new.outlet
                         UNION ALL SELECT 'language', new.language) WHERE v IS NOT NULL
    ON CONFLICT (facet, value) DO UPDATE SET claims = claims + 1;
  UPDATE speaker_counts SET claims = claims - 1 WHERE stance = old.stance
    AND speaker_id IN (SELECT speaker_id FROM claim_speakers WHERE claim_id = old.id);
  INSERT INTO speaker_counts (speaker_id, stance, claims)
    SELECT speaker_id, new.stance, 1 FROM claim_speakers WHERE claim_id = new.id
    ON CONFLICT (speaker_id, stance) DO UPDATE SET claims = claims + 1;
  DELETE FROM claim_counts WHERE claims <= 0;
  DELETE FROM speaker_counts WHERE claims <= 0;
END;
CREATE TRIGGER claim_speakers_count_insert AFTER INSERT ON claim_speakers BEGIN
  INSERT INTO speaker_counts (speaker_id, stance, claims)
    SELECT new.speaker_id, stance, 1 FROM claims WHERE id = new.claim_id
    UNION ALL SELECT new.speaker_id, '*', 1
    ON CONFLICT (speaker_id, stance) DO UPDATE SET claims = claims + 1;
END;
CREATE TRIGGER claim_speakers_count_delete AFTER DELETE ON claim_speakers BEGIN
  UPDATE speaker_counts SET claims = claims - 1 WHERE speaker_id = old.speaker_id
    AND stance IN ('*', (SELECT stance FROM claims WHERE id = old.claim_id));
  DELETE FROM speaker_counts WHERE speaker_id = old.speaker_id AND claims <= 0;
END;
CREATE TRIGGER claim_speakers_count_update AFTER UPDATE OF speaker_id ON claim_speakers BEGIN
  UPDATE speaker_counts SET claims = claims - 1 WHERE speaker_id = old.speaker_id
    AND stance IN ('*', (SELECT stance FROM claims WHERE id = old.claim_id));
  DELETE FROM speaker_counts WHERE speaker_id = old.speaker_id AND claims <= 0;
  INSERT INTO speaker_counts (speaker_id, stance, claims)
    SELECT new.speaker_id, stance, 1 FROM claims WHERE id = new.claim_id
    UNION ALL SELECT new.speaker_id, '*', 1
    ON CONFLICT (speaker_id, stance) DO UPDATE SET claims = claims + 1;
END;
"""


# claims_view with each claim's latest verdict after its stance.
CLAIMS_VIEW_V3 = CLAIMS_VIEW_V2.replace("  claims.stance AS stance,\n", "  claims.stance AS stance,\n  claims.verdict AS verdict,\n")

# The claims triggers of COUNT_TRIGGERS, counting the latest verdict too.
COUNT_TRIGGERS_V2 = """
CREATE TRIGGER claims_count_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claim_counts (facet, value, claims)
    SELECT f, v, 1 FROM (SELECT 'stance' AS f, new.stance AS v UNION ALL SELECT 'outlet', new.outlet
                         UNION ALL SELECT 'language', new.language UNION ALL SELECT 'verdict', new.verdict)
    WHERE v IS NOT NULL
    ON CONFLICT (facet, value) DO UPDATE SET claims = claims + 1;
END;
CREATE TRIGGER claims_count_delete AFTER DELETE ON claims BEGIN
  UPDATE claim_counts SET claims = claims - 1
    WHERE (facet = 'stance' AND value = old.stance) OR (facet = 'outlet' AND value = old.outlet)
       OR (facet = 'language' AND value = old.language) OR (facet = 'verdict' AND value = old.verdict);
  DELETE FROM claim_counts WHERE claims <= 0;
END;
CREATE TRIGGER claims_count_update AFTER UPDATE OF stance, outlet, language, verdict ON claims BEGIN
  UPDATE claim_counts SET claims = claims - 1
    WHERE (facet = 'stance' AND value = old.stance) OR (facet = 'outlet' AND value = old.outlet)
       OR (facet = 'language' AND value = old.language) OR (facet = 'verdict' AND value = old.verdict);
  INSERT INTO claim_counts (facet, value, claims)
    SELECT f, v, 1 FROM (SELECT 'stance' AS f, new.stance AS v UNION ALL SELECT 'outlet', new.outlet
                         UNION ALL SELECT 'language', new.language UNION ALL SELECT 'verdict', new.verdict)
    WHERE v IS NOT NULL
    ON CONFLICT (facet, value) DO UPDATE SET claims = claims + 1;
  UPDATE speaker_counts SET claims = claims - 1 WHERE stance = old.stance AND old.stance IS NOT new.stance
    AND speaker_id IN (SELECT speaker_id FROM claim_speakers WHERE claim_id = old.id);
  INSERT INTO speaker_counts (speaker_id, stance, claims)
    SELECT speaker_id, new.stance, 1 FROM claim_speakers WHERE claim_id = new.id AND old.stance IS NOT new.stance
    ON CONFLICT (speaker_id, stance) DO UPDATE SET claims = claims + 1;
  DELETE FROM claim_counts WHERE claims <= 0;
  DELETE FROM speaker_counts WHERE old.stance IS NOT new.stance AND stance = old.stance AND claims <= 0
    AND speaker_id IN (SELECT speaker_id FROM claim_speakers WHERE claim_id = old.id);
END;
"""


@migrations()
def m004_browse_at_scale(db: sqlite_utils.Database) -> None:
    """Claims carry the article's date, outlet and language and their speakers' names
    for search; ``claims_view`` reads only indexed columns of ``claims``; counts for
    whole-database pages are kept in ``claim_counts`` and ``speaker_counts``."""
    claims = db["claims"]
    for column in ("published", "outlet", "language", "speaker_names"):
        claims.add_column(column, str)
    db.execute("update claims set published = a.published, outlet = a.outlet, language = a.language "
               "from articles a where a.id = claims.article_id")
    db.execute("drop view claims_view")
    db.execute(CLAIMS_VIEW_V2)
    for columns in (["published"], ["outlet"], ["language"], ["stance", "published"]):
        claims.create_index(columns)
    db["claim_counts"].create({"facet": str, "value": str, "claims": int}, pk=("facet", "value"),
                              not_null={"claims"})
    db["speaker_counts"].create({"speaker_id": int, "stance": str, "claims": int}, pk=("speaker_id", "stance"),
                                not_null={"claims"})
    db["speaker_counts"].create_index(["stance", "claims"])
    db.executescript(COUNT_TRIGGERS)
    db.execute("insert into claim_counts select 'stance', stance, count(*) from claims group by stance")
    db.execute("insert into claim_counts select 'outlet', outlet, count(*) from claims where outlet is not null "
               "group by outlet")
    db.execute("insert into claim_counts select 'language', language, count(*) from claims "
               "where language is not null group by language")
    db.execute("insert into speaker_counts select cs.speaker_id, c.stance, count(*) from claim_speakers cs "
               "join claims c on c.id = cs.claim_id group by cs.speaker_id, c.stance")
    db.execute("insert into speaker_counts select speaker_id, '*', count(*) from claim_speakers group by speaker_id")
    from .identity import refresh_speaker_names
    refresh_speaker_names(db)
    # search covers what a claim says and who said it, not the sentence again
    db["claims"].disable_fts()
    db["claims"].enable_fts(["text", "speaker_names"], create_triggers=True, tokenize="unicode61")
    # a speaker is found by any of its names
    db["speakers"].add_column("names", str)
    db.execute("update speakers set names = (select group_concat(alias, ' ; ') from speaker_aliases "
               "where speaker_id = speakers.id)")
    db["speakers"].enable_fts(["name", "names", "description"], create_triggers=True, tokenize="unicode61")


def narrow_fts_update_triggers(db: sqlite_utils.Database) -> None:
    """sqlite-utils' update triggers re-index a row whenever any column changes; make
    them fire only when an indexed column does (a verdict or a group is no reason
    to re-index a million claims)."""
    for table in ("claims", "speakers", "articles"):
        fts = db[table].detect_fts()
        if not fts:
            continue
        columns = [c for c in db[fts].columns_dict if c not in (fts, "rank")]
        quoted = ", ".join(f'"{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {quoted} ON "{table}" BEGIN\n'
                   f'  INSERT INTO "{fts}" ("{fts}", rowid, {quoted}) VALUES(\'delete\', old.rowid, {old});\n'
                   f'  INSERT INTO "{fts}" (rowid, {quoted}) VALUES (new.rowid, {new});\nEND')


@migrations()
def m005_verdicts(db: sqlite_utils.Database) -> None:
    """Fact-check verdicts on claims (several per claim, by different organisations);
    each claim carries its latest rating in ``claims.verdict``, counted like its stance.
    The full-text indexes are brought up to date only when what they index changes."""
    narrow_fts_update_triggers(db)
    db["verdicts"].create({
        "id": int, "claim_id": str, "rating": str, "score": float, "best": float, "worst": float,
        "author": str, "url": str, "date": str, "note": str, "created_at": str,
    }, pk="id", not_null={"claim_id", "rating", "author", "created_at"},
        foreign_keys=[("claim_id", "claims", "id")])
    db["verdicts"].create_index(["claim_id"])
    db["verdicts"].create_index(["author"])
    db["claims"].add_column("verdict", str)
    db["claims"].create_index(["verdict"])
    for name in ("claims_count_insert", "claims_count_delete", "claims_count_update"):
        db.execute(f"drop trigger {name}")
    db.executescript(COUNT_TRIGGERS_V2)
    db.execute("drop view claims_view")
    db.execute(CLAIMS_VIEW_V3)


# claims_view with the claim's group and whether its verdict is its group's.
CLAIMS_VIEW_V4 = CLAIMS_VIEW_V3.replace("  claims.verdict AS verdict,\n",
                                        "  claims.verdict AS verdict,\n  claims.verdict_inherited AS verdict_inherited,\n"
                                        ).replace("  claims.rowid AS claim_rowid,\n",
                                                  "  claims.rowid AS claim_rowid,\n  claims.group_id AS group_id,\n")


# claims_view that says whether a claim is superseded (its article's new text no longer holds it).
CLAIMS_VIEW_V5 = CLAIMS_VIEW_V4.replace("  claims.origin AS origin,\n",
                                        "  claims.origin AS origin,\n  claims.superseded AS superseded,\n")


@migrations()
def m006_claim_groups(db: sqlite_utils.Database) -> None:
    """The same claim across articles: ``claims.group_id`` points to a ``claim_groups`` row
    (first appearance and counts); ``claim_sketches`` files claims to find candidates; a
    claim's verdict may be its group's (``verdict_inherited``)."""
    db["claim_groups"].create({"id": int, "claims": int, "articles": int, "outlets": int,
                               "first_published": str, "first_claim_id": str}, pk="id")
    db["claims"].add_column("group_id", int)
    db["claims"].add_column("verdict_inherited", int, not_null_default=0)
    db["claims"].create_index(["group_id"])
    db["claim_sketches"].create({"speaker_id": int, "hash": int, "claim_id": str},
                                pk=("speaker_id", "hash", "claim_id"))
    db["claim_sketches"].create_index(["claim_id"])
    db.execute("drop view claims_view")
    db.execute(CLAIMS_VIEW_V4)
    from .groups import Grouper
    grouper = Grouper(db)
    grouper.add([r[0] for r in db.execute("select id from claims order by rowid")])
    grouper.finish()


@migrations()
def m007_claim_sources(db: sqlite_utils.Database) -> None:
    """Where a claim no article holds was made (a speech, a post): ``claims.source_url``."""
    db["claims"].add_column("source_url", str)


@migrations()
def m008_edits(db: sqlite_utils.Database) -> None:
    """Edited articles and what is kept of them: ``articles.source_path`` (the file an
    article came from, so a changed file replaces it) and ``claims.superseded`` (an
    extracted claim the new text no longer holds, kept for what people added to it)."""
    db["articles"].add_column("source_path", str)
    db["articles"].create_index(["source_path"])
    db["articles"].create_index(["url"])
    db["claims"].add_column("superseded", int, not_null_default=0)
    db["claims"].create_index(["superseded"])
    db.execute("drop view claims_view")
    db.execute(CLAIMS_VIEW_V5)


BUSY_TIMEOUT_S = 5.0  # how long one attempt waits for another writer
LOCK_ATTEMPTS = 24  # attempts before giving up (about two minutes with the timeout)


def is_factdb(conn: sqlite3.Connection) -> bool:
    """Whether a database is empty or one factdb made (its migrations are recorded)."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")}
    if not tables:
        return True
    if "_sqlite_migrations" not in tables:
        return False
    return conn.execute("select count(*) from _sqlite_migrations where migration_set = 'factdb'").fetchone()[0] > 0


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write and leaves no file behind: read-only while a
    writer has the database open (its -wal file is there), else immutable (which
    also works on read-only media, where no -shm file can be made)."""
    uri = path.resolve().as_uri()
    if Path(f"{path}-wal").exists():
        try:
            conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
            conn.execute("select count(*) from sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            pass
    return sqlite3.connect(f"{uri}?immutable=1", uri=True)


# A claim's sentence: its own copy (claims added by hand), or the part of its article's body
# its offsets give (extracted claims).
SENTENCE_SQL = ("coalesce(claims.sentence, substr(articles.body, claims.sentence_start + 1, "
                "claims.sentence_end - claims.sentence_start))")
CLAIMS_VIEW_V6 = CLAIMS_VIEW_V5.replace("  claims.sentence AS sentence,\n", f"  {SENTENCE_SQL} AS sentence,\n")


@migrations()
def m009_sentence_offsets(db: sqlite_utils.Database) -> None:
    """Storage linear in the input: an extracted claim keeps its sentence as offsets
    into its article's body (``sentence_start``, ``sentence_end``), not as a copy."""
    db["claims"].add_column("sentence_start", int)
    db["claims"].add_column("sentence_end", int)
    for aid, body in list(db.execute("select id, body from articles")):
        for cid, sentence, start in list(db.execute(
                "select id, sentence, start from claims where article_id = ? and origin = 'extracted' "
                "and sentence is not null", [aid])):
            at = body.find(sentence, max(0, (start or 0) - len(sentence)))
            at = at if at >= 0 else body.find(sentence)
            if at >= 0:
                db.execute("update claims set sentence = null, sentence_start = ?, sentence_end = ? where id = ?",
                           [at, at + len(sentence), cid])
    db.execute("drop view claims_view")
    db.execute(CLAIMS_VIEW_V6)


# The claims view reads a claim's article (its title, and its body for the sentence) only
# for the columns a page selects: a count or a facet over a million claims joins nothing.
CLAIMS_VIEW_V7 = (CLAIMS_VIEW_V6
                  .replace("  articles.title AS article,\n",
                           "  (SELECT title FROM articles WHERE articles.id = claims.article_id) AS article,\n")
                  .replace("substr(articles.body,",
                           "substr((SELECT body FROM articles WHERE articles.id = claims.article_id),")
                  .replace("FROM claims\nLEFT JOIN articles ON articles.id = claims.article_id\n", "FROM claims\n"))

# Each link of a claim to a speaker knows its claim's rowid, so the claims of a speaker
# are read by integer key (``claim_rowid in (select claim_rowid from claim_speakers
# where speaker_id = ?)``, one index range) and not by text id. Whoever writes a link,
# this trigger fills it in.
CLAIM_ROWID_TRIGGER = """
CREATE TRIGGER claim_speakers_claim_rowid AFTER INSERT ON claim_speakers WHEN new.claim_rowid IS NULL BEGIN
  UPDATE claim_speakers SET claim_rowid = (SELECT rowid FROM claims WHERE id = new.claim_id)
    WHERE rowid = new.rowid;
END;
"""


@migrations()
def m010_claim_rowids(db: sqlite_utils.Database) -> None:
    """A million claims: a speaker's claims by integer key (``claim_speakers.claim_rowid``,
    indexed with ``speaker_id``), and a claims view that joins articles only for the
    columns that show them."""
    db["claim_speakers"].add_column("claim_rowid", int)
    db.execute("update claim_speakers set claim_rowid = (select rowid from claims where id = claim_speakers.claim_id)")
    db.execute("drop index if exists idx_claim_speakers_speaker_id")
    db["claim_speakers"].create_index(["speaker_id", "claim_rowid"])
    db.execute(CLAIM_ROWID_TRIGGER)
    db.execute("drop view claims_view")
    db.execute(CLAIMS_VIEW_V7)


@migrations()
def m011_group_indexes(db: sqlite_utils.Database) -> None:
    """A claim joining a large group updates its counts without reading every member:
    whether the group already has a claim of this outlet, or one with a verdict, is
    one look in an index (``group_id, outlet`` and ``group_id, verdict``)."""
    db.execute("drop index if exists idx_claims_group_id")
    db["claims"].create_index(["group_id", "outlet"])
    db["claims"].create_index(["group_id", "verdict"])


# Each link of a claim to a speaker carries copies of its claim's stance, date, outlet,
# language and verdict, as claims carry their article's date, outlet and language. A
# speaker's page and a page filtered by one speaker count and pick from one index range
# of the speaker's links: they never read a busy speaker's claims one by one. Whoever
# writes a link or changes a claim, these triggers keep the copies.
CLAIM_COPIES = ("stance", "published", "outlet", "language", "verdict")
_copied = ", ".join(CLAIM_COPIES)
CLAIM_COPY_TRIGGERS = [
    f"""CREATE TRIGGER claim_speakers_claim_copies AFTER INSERT ON claim_speakers BEGIN
  UPDATE claim_speakers SET (claim_rowid, {_copied}) =
    (SELECT rowid, {_copied} FROM claims WHERE id = new.claim_id)
    WHERE rowid = new.rowid;
END;""",
    f"""CREATE TRIGGER claims_copies_update AFTER UPDATE OF {_copied} ON claims
  WHEN {" OR ".join(f"old.{c} IS NOT new.{c}" for c in CLAIM_COPIES)} BEGIN
  UPDATE claim_speakers SET {", ".join(f"{c} = new.{c}" for c in CLAIM_COPIES)} WHERE claim_id = new.id;
END;""",
]


@migrations()
def m012_speaker_link_copies(db: sqlite_utils.Database) -> None:
    """A busy speaker's pages at a million claims: the speaker's links carry their
    claims' facet columns (:data:`CLAIM_COPIES`), indexed so that a speaker's claims
    per stance (latest first), their counts per stance, outlet, language and verdict,
    the names they are given and the speakers they share claims with are each one
    index range; and who a mention names is read from an index alone."""
    for column in CLAIM_COPIES:
        db["claim_speakers"].add_column(column, str)
    db.execute(f"update claim_speakers set ({_copied}) = "
               f"(select {_copied} from claims where rowid = claim_speakers.claim_rowid)")
    db.execute("drop trigger claim_speakers_claim_rowid")
    for trigger in CLAIM_COPY_TRIGGERS:  # one statement each: inside the migration's transaction
        db.execute(trigger)
    db["claim_speakers"].create_index(["speaker_id", "stance", "outlet", "language", "verdict", "published",
                                       "claim_rowid"])
    db["claim_speakers"].create_index(["speaker_id", "mention", "role"])
    db.execute("drop index if exists idx_claim_speakers_mention")  # who a mention names, from the index alone
    db["claim_speakers"].create_index(["mention", "speaker_id"])
    db["claim_speakers"].create_index(["claim_rowid", "speaker_id"])


# The speakers who share claims with each speaker, and how many of each stance, kept by
# triggers as links are written, removed or moved to another speaker (a merge) and as
# claims change stance: the speaker facet of a page filtered by one speaker (and a
# stance) reads them, not every one of a busy speaker's links.
_OTHER_LINKS = "SELECT speaker_id FROM claim_speakers WHERE claim_id = {row}.claim_id AND rowid != {row}.rowid"
_STANCE = "(SELECT coalesce((SELECT stance FROM claims WHERE id = {row}.claim_id), {row}.stance) AS stance)"
_ADD_PAIRS = f"""INSERT INTO speaker_pairs (speaker_id, stance, other_id, claims)
    SELECT new.speaker_id, s.stance, o.speaker_id, 1 FROM ({_OTHER_LINKS.format(row="new")}) o,
      {_STANCE.format(row="new")} s WHERE true
    UNION ALL SELECT o.speaker_id, s.stance, new.speaker_id, 1 FROM ({_OTHER_LINKS.format(row="new")}) o,
      {_STANCE.format(row="new")} s WHERE true
    ON CONFLICT (speaker_id, stance, other_id) DO UPDATE SET claims = claims + 1;"""


def _drop_pairs(others: str, row: str) -> str:
    stance = f"stance = {_STANCE.format(row=row)}"
    return f"""UPDATE speaker_pairs SET claims = claims - 1 WHERE speaker_id = old.speaker_id AND {stance}
    AND other_id IN ({others});
  UPDATE speaker_pairs SET claims = claims - 1 WHERE other_id = old.speaker_id AND {stance}
    AND speaker_id IN ({others});
  DELETE FROM speaker_pairs WHERE speaker_id = old.speaker_id AND claims <= 0;
  DELETE FROM speaker_pairs WHERE other_id = old.speaker_id AND claims <= 0;"""


_CLAIM_PAIRS = ("SELECT a.speaker_id AS a, b.speaker_id AS b FROM claim_speakers a JOIN claim_speakers b "
                "ON b.claim_id = a.claim_id AND b.speaker_id != a.speaker_id WHERE a.claim_id = new.id")
# most claims have one speaker: their links have no pairs to count, and the triggers stop at once
_SHARED = "EXISTS (SELECT 1 FROM claim_speakers WHERE claim_id = {row}.claim_id AND rowid != {row}.rowid)"
PAIR_TRIGGERS = [
    f"""CREATE TRIGGER claim_speakers_pairs_insert AFTER INSERT ON claim_speakers WHEN {_SHARED.format(row="new")} BEGIN
  {_ADD_PAIRS}
END;""",
    f"""CREATE TRIGGER claim_speakers_pairs_delete AFTER DELETE ON claim_speakers
  WHEN EXISTS (SELECT 1 FROM claim_speakers WHERE claim_id = old.claim_id) BEGIN
  {_drop_pairs("SELECT speaker_id FROM claim_speakers WHERE claim_id = old.claim_id", "old")}
END;""",
    f"""CREATE TRIGGER claim_speakers_pairs_update AFTER UPDATE OF speaker_id ON claim_speakers
  WHEN old.speaker_id IS NOT new.speaker_id AND {_SHARED.format(row="new")} BEGIN
  {_drop_pairs(_OTHER_LINKS.format(row="new"), "new")}
  {_ADD_PAIRS}
END;""",
    f"""CREATE TRIGGER claims_pairs_stance AFTER UPDATE OF stance ON claims WHEN old.stance IS NOT new.stance BEGIN
  UPDATE speaker_pairs SET claims = claims - 1 WHERE stance = old.stance AND (speaker_id, other_id) IN ({_CLAIM_PAIRS});
  INSERT INTO speaker_pairs (speaker_id, stance, other_id, claims)
    SELECT a, new.stance, b, 1 FROM ({_CLAIM_PAIRS})
    WHERE true ON CONFLICT (speaker_id, stance, other_id) DO UPDATE SET claims = claims + 1;
  DELETE FROM speaker_pairs WHERE stance = old.stance AND claims <= 0
    AND speaker_id IN (SELECT speaker_id FROM claim_speakers WHERE claim_id = new.id);
END;""",
]
PAIRS_SQL = ("select a.speaker_id, c.stance, b.speaker_id, count(*) from claim_speakers a join claim_speakers b "
             "on b.claim_id = a.claim_id and b.speaker_id != a.speaker_id join claims c on c.id = a.claim_id "
             "group by a.speaker_id, c.stance, b.speaker_id")


@migrations()
def m013_speaker_pairs(db: sqlite_utils.Database) -> None:
    """Who shares claims of each stance with whom (``speaker_pairs``), kept by triggers."""
    db["speaker_pairs"].create({"speaker_id": int, "stance": str, "other_id": int, "claims": int},
                               pk=("speaker_id", "stance", "other_id"), not_null={"claims"})
    db["speaker_pairs"].create_index(["other_id"])
    db.execute(f"insert into speaker_pairs (speaker_id, stance, other_id, claims) {PAIRS_SQL}")
    for trigger in PAIR_TRIGGERS:
        db.execute(trigger)


# A claim's sketches (see groups.py) are filed under its first speaker: when that link
# moves to another speaker (a merge), they move with it, so the merged speaker's new
# claims find the old ones; when the link goes, they go.
SKETCH_TRIGGERS = [
    """CREATE TRIGGER claim_speakers_sketches_update AFTER UPDATE OF speaker_id ON claim_speakers
  WHEN old.speaker_id IS NOT new.speaker_id BEGIN
  UPDATE OR IGNORE claim_sketches SET speaker_id = new.speaker_id
    WHERE claim_id = new.claim_id AND speaker_id = old.speaker_id;
  DELETE FROM claim_sketches WHERE claim_id = new.claim_id AND speaker_id = old.speaker_id;
END;""",
    """CREATE TRIGGER claim_speakers_sketches_delete AFTER DELETE ON claim_speakers BEGIN
  DELETE FROM claim_sketches WHERE claim_id = old.claim_id AND speaker_id = old.speaker_id;
END;""",
]


@migrations()
def m014_sketches_follow_speakers(db: sqlite_utils.Database) -> None:
    """Claim sketches follow their speaker links (and those already left behind by a
    merge or a removed link are dropped: they can no longer be found)."""
    db.execute("delete from claim_sketches where not exists (select 1 from claim_speakers cs "
               "where cs.claim_id = claim_sketches.claim_id and cs.speaker_id = claim_sketches.speaker_id)")
    for trigger in SKETCH_TRIGGERS:
        db.execute(trigger)


def open_db(path: str | Path, create: bool = True, readonly: bool = False) -> sqlite_utils.Database:
    """Open a factdb database and bring its schema up to date, creating it if ``create``.

    A file that holds another application's database is refused and left byte
    for byte as it was; ``readonly`` opens without ever writing (nor upgrading:
    an older schema is an error saying how to upgrade)."""
    path = Path(path)
    if path.is_dir():
        raise DatabaseError(f"{path}: is a directory, not a database file")
    exists = path.exists() and path.stat().st_size > 0
    if not exists and (readonly or not create):
        raise DatabaseError(f"{path}: no such database (run 'factdb ingest' first)")
    try:
        if exists:
            probe = _connect_readonly(path)
            try:
                if not is_factdb(probe):
                    raise DatabaseError(f"{path}: not a factdb database (it holds another application's tables); "
                                        "nothing was changed")
            finally:
                probe.close()
        if readonly:
            db = sqlite_utils.Database(_connect_readonly(path))
            if migrations.pending(db):
                raise DatabaseError(f"{path}: made by an older factdb; upgrade it first with 'factdb migrate'")
            return db
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
        db = sqlite_utils.Database(conn)
        db.execute("PRAGMA foreign_keys = ON")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if migrations.pending(db):
            with transaction(db):  # one process migrates; the others wait, then find nothing to do
                migrations.apply(db)
    except sqlite3.DatabaseError as e:
        raise DatabaseError(f"{path}: cannot open or write the database ({str(e).splitlines()[0]})") from None
    return db


@contextlib.contextmanager
def transaction(db: sqlite_utils.Database):
    """A write transaction that takes the write lock first (BEGIN IMMEDIATE), so a
    writer never fails halfway because another wrote since it read; when another
    process holds the lock, wait and try again. Nested: a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    for attempt in range(LOCK_ATTEMPTS):
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e):
                raise
            time.sleep(min(0.05 * 2 ** attempt, 1.0) * (0.5 + random.random()))
    else:
        raise DatabaseError("the database stayed locked by another writer; try again")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
