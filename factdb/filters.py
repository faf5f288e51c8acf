"""Filters of the claims page that Datasette's own do not cover.

- ``_speaker=ID`` (repeatable): claims by that speaker, through the indexed
  ``claim_speakers`` table (several: claims by all of them together);
- ``_search=TEXT``: full-text search over what a claim says and who said it
  (names, the names its article gives, aliases people added), with what was
  typed made into a query that cannot fail (:func:`factdb.search.fts_query`).
"""
from __future__ import annotations

from datasette.filters import FilterArguments

from .search import NOTHING, fts_query

CLAIMS_PAGE = "claims_view"


async def claim_filters(request, database, table, datasette) -> FilterArguments | None:
    if table != CLAIMS_PAGE:
        return None
    where, params, human = [], {}, []
    speakers = [v for v in request.args.getlist("_speaker") if v.strip().isdigit()]
    for i, sid in enumerate(speakers):
        where.append(f"id in (select claim_id from claim_speakers where speaker_id = :speaker_{i})")
        params[f"speaker_{i}"] = int(sid)
    if speakers:
        rows = (await datasette.get_database(database).execute(
            f"select name from speakers where id in ({', '.join('?' * len(speakers))})", speakers)).rows
        human.append("by " + " and ".join(r[0] for r in rows) if rows else "by an unknown speaker")
    search = request.args.get("_search", "")
    query = fts_query(search)
    if query != NOTHING:
        where.append("claim_rowid in (select rowid from claims_fts where claims_fts match :fts_query)")
        params["fts_query"] = query
        human.append(f'search matches "{search}"')
    return FilterArguments(where, params, human, {"search": search, "supports_search": True,
                                                  "speaker_filter": speakers})
