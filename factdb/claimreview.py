"""schema.org ClaimReview JSON-LD for every claim with a verdict.

Google's Fact Check markup requires ``claimReviewed``, ``reviewRating`` (with
``alternateName``) and ``url`` (the review's address), and recommends
``author``, ``datePublished`` and ``itemReviewed``: a ``Claim`` with its
``author`` (a ``Person`` or an ``Organization``), ``datePublished``,
``appearance`` and ``firstAppearance`` (the articles it appears in). Verdicts
without a ``url`` cannot be published as ClaimReview and are left out.
"""
from __future__ import annotations

import json

import sqlite_utils

CONTEXT = "https://schema.org"


def _speakers(db, claim_id: str) -> list[dict]:
    return [{"@type": "Person" if kind == "person" else "Organization", "name": name}
            for name, kind in db.execute(
                "select s.name, s.kind from claim_speakers cs join speakers s on s.id = cs.speaker_id "
                "where cs.claim_id = ? order by cs.position", [claim_id])]


def _appearances(db, claim_id: str) -> list[dict]:
    """The articles the claim appears in, earliest first."""
    rows = db.execute(
        "select a.url, a.title, a.published, a.outlet from claims c join articles a on a.id = c.article_id "
        "where c.id = ? order by a.published is null, a.published", [claim_id]).fetchall()
    out = []
    for url, title, published, outlet in rows:
        work = {"@type": "CreativeWork", "headline": title}
        if url:
            work["url"] = url
        if published:
            work["datePublished"] = published
        if outlet:
            work["publisher"] = {"@type": "Organization", "name": outlet}
        out.append(work)
    return out


def review(db, row: dict) -> dict:
    rating = {"@type": "Rating", "alternateName": row["rating"]}
    for key, field in (("score", "ratingValue"), ("best", "bestRating"), ("worst", "worstRating")):
        if row[key] is not None:
            rating[field] = int(row[key]) if float(row[key]).is_integer() else row[key]
    item = {"@type": "Claim", "author": _speakers(db, row["claim_id"])}
    appearances = _appearances(db, row["claim_id"])
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
        if "datePublished" in appearances[0]:
            item["datePublished"] = appearances[0]["datePublished"]
    out = {"@type": "ClaimReview", "url": row["url"], "claimReviewed": row["text"],
           "author": {"@type": "Organization", "name": row["author"]}, "reviewRating": rating,
           "itemReviewed": item}
    if row["date"]:
        out["datePublished"] = row["date"]
    return out


def claimreview_data(db: sqlite_utils.Database) -> tuple[dict, int]:
    """The JSON-LD document and how many verdicts were left out for lack of a url."""
    rows = [dict(r) for r in db.query(
        "select v.*, c.text as text from verdicts v join claims c on c.id = v.claim_id "
        "order by v.claim_id, v.date, v.id")]
    graph = [review(db, r) for r in rows if r["url"]]
    return {"@context": CONTEXT, "@graph": graph}, sum(1 for r in rows if not r["url"])


def export_claimreview(db: sqlite_utils.Database, indent: int | None = 2) -> tuple[str, int]:
    data, skipped = claimreview_data(db)
    return json.dumps(data, ensure_ascii=False, indent=indent), skipped
