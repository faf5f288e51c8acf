"""Filters of the claims page that Datasette's own do not cover.

- ``_speaker=ID`` (repeatable): claims by that speaker, through the indexed
  ``claim_speakers`` table, by the claims' rowids (several: claims by all of
  them together);
- ``_search=TEXT``: full-text search over what a claim says and who said it
  (names, the names its article gives, aliases people added), with what was
  typed made into a query that cannot fail (:func:`factdb.search.fts_query`).
  It covers the :data:`SEARCH_LIMIT` matching claims added last (the full-text
  index gives them in that order at no cost; ranking or counting facets over
  every match of a common word would read a hundred thousand claims), and says
  how many match in all.
"""
from __future__ import annotations

from datasette.filters import FilterArguments

from .search import NOTHING, fts_query

CLAIMS_PAGE = "claims_view"
SEARCH_LIMIT = 1000  # claims a search of the claims page covers: the latest added of its matches


async def claim_filters(request, database, table, datasette) -> FilterArguments | None:
    if table != CLAIMS_PAGE:
        return None
    where, params, human = [], {}, []
    speakers = [v for v in request.args.getlist("_speaker") if v.strip().isdigit()]
    for i, sid in enumerate(speakers):
        where.append(f"claim_rowid in (select claim_rowid from claim_speakers where speaker_id = :speaker_{i})")
        params[f"speaker_{i}"] = int(sid)
    if speakers:
        rows = (await datasette.get_database(database).execute(
            f"select name from speakers where id in ({', '.join('?' * len(speakers))})", speakers)).rows
        human.append("by " + " and ".join(r[0] for r in rows) if rows else "by an unknown speaker")
    search = request.args.get("_search", "")
    query = fts_query(search)
    if query != NOTHING:
        where.append("claim_rowid in (select rowid from claims_fts where claims_fts match :fts_query "
                     f"order by rowid desc limit {SEARCH_LIMIT})")
        params["fts_query"] = query
        matches = (await datasette.get_database(database).execute(
            "select count(*) from claims_fts where claims_fts match ?", [query])).rows[0][0]
        human.append(f'search matches "{search}"' + (
            f" (the {SEARCH_LIMIT:,} added last of {matches:,} matches)" if matches > SEARCH_LIMIT else ""))
    return FilterArguments(where, params, human, {"search": search, "supports_search": True,
                                                  "speaker_filter": speakers})
