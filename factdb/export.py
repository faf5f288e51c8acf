"""The JSON export: exactly the contract of ``docs/claims.md``.

``{"articles": [...], "claims": [...], "relations": [...]}``, claims in
article order, each with its speakers in the order the article names them:
``speakers`` as the article names them, ``speaker_ids`` and ``speaker_names``
as the database knows them (one speaker per person across articles).
"""
from __future__ import annotations

import json
import sqlite_utils

from .db import SENTENCE_SQL

# Each claim's speakers: the name the claim gives (its article's canonical name),
# or the speaker's name where a person decided who it is (an alias, a merge, a
# rename); with the speaker's id and name across the database.
SPEAKERS_SQL = """
select cs.claim_id,
  case when a.origin = 'manual' or s.name_origin = 'manual' or cs.name is null then s.name else cs.name end,
  s.id, s.name
from claim_speakers cs
join speakers s on s.id = cs.speaker_id
left join speaker_aliases a on a.alias = cs.name
order by cs.claim_id, cs.position
"""

ARTICLE_FIELDS = ["id", "source_file", "title", "language", "published", "outlet", "url"]


def export_data(db: sqlite_utils.Database) -> dict:
    articles = [dict(zip(ARTICLE_FIELDS, row)) for row in db.execute(
        f"select {', '.join(ARTICLE_FIELDS)} from articles order by id")]
    speakers: dict[str, list[tuple]] = {}
    for cid, *row in db.execute(SPEAKERS_SQL):
        speakers.setdefault(cid, []).append(row)
    claims = [{
        "id": r[0], "article_id": r[1], "speakers": [s[0] for s in speakers.get(r[0], [])], "stance": r[2],
        "cue": r[3], "text": r[4], "quote": r[5], "sentence": r[6], "start": r[7], "end": r[8],
        "origin": r[9], "speaker_ids": [s[1] for s in speakers.get(r[0], [])],
        "speaker_names": [s[2] for s in speakers.get(r[0], [])], "group_id": r[10],
    } for r in db.execute(
        f'select claims.id, claims.article_id, claims.stance, claims.cue, claims.text, claims.quote, {SENTENCE_SQL}, '
        'claims.start, claims."end", claims.origin, claims.group_id from claims '
        "left join articles on articles.id = claims.article_id "
        "order by claims.article_id is null, claims.article_id, claims.start is null, claims.start, claims.id")]
    relations = [{"from": f, "to": t, "type": ty} for f, t, ty in db.execute(
        "select from_claim_id, to_claim_id, type from claim_relations order by from_claim_id, to_claim_id, type")]
    return {"articles": articles, "claims": claims, "relations": relations}


def export_json(db: sqlite_utils.Database, indent: int | None = 2) -> str:
    return json.dumps(export_data(db), ensure_ascii=False, indent=indent)
