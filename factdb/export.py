"""The JSON export: exactly the contract of ``spec/claims.md``.

``{"articles": [...], "claims": [...], "relations": [...]}``, claims in
article order, each with its speakers in the order the article names them.
"""
from __future__ import annotations

import json
import sqlite_utils

ARTICLE_FIELDS = ["id", "source_file", "title", "language", "published", "outlet", "url"]


def export_data(db: sqlite_utils.Database) -> dict:
    articles = [dict(zip(ARTICLE_FIELDS, row)) for row in db.execute(
        f"select {', '.join(ARTICLE_FIELDS)} from articles order by id")]
    speakers: dict[str, list[str]] = {}
    for cid, name in db.execute(
            "select claim_speakers.claim_id, speakers.name from claim_speakers "
            "join speakers on speakers.id = claim_speakers.speaker_id "
            "order by claim_speakers.claim_id, claim_speakers.position"):
        speakers.setdefault(cid, []).append(name)
    claims = [{
        "id": r[0], "article_id": r[1], "speakers": speakers.get(r[0], []), "stance": r[2],
        "cue": r[3], "text": r[4], "quote": r[5], "sentence": r[6], "start": r[7], "end": r[8],
        "origin": r[9],
    } for r in db.execute(
        'select id, article_id, stance, cue, text, quote, sentence, start, "end", origin from claims '
        "order by article_id is null, article_id, start is null, start, id")]
    relations = [{"from": f, "to": t, "type": ty} for f, t, ty in db.execute(
        "select from_claim_id, to_claim_id, type from claim_relations order by from_claim_id, to_claim_id, type")]
    return {"articles": articles, "claims": claims, "relations": relations}


def export_json(db: sqlite_utils.Database, indent: int | None = 2) -> str:
    return json.dumps(export_data(db), ensure_ascii=False, indent=indent)
