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
# the columns each link of a claim to a speaker copies from its claim (see db.CLAIM_COPIES)
LINK_COLUMNS = ("stance", "outlet", "language", "verdict")
# arguments of a table page that choose how rows show, not which rows
NOT_FILTERS = frozenset({
    "_facet", "_facet_counted", "_facet_speaker", "_facet_size", "_facet_array", "_facet_date", "_sort",
    "_sort_desc", "_size", "_next", "_col", "_nocol", "_labels", "_nolabels", "_shape", "_json", "_nofacet",
    "_nocount", "_nosuggest", "_trace", "_extra", "_hide_sql", "_timelimit", "_ttl", "_stream", "_dl", "_nl"})


async def claim_filters(request, database, table, datasette) -> FilterArguments | None:
    if table != CLAIMS_PAGE:
        return None
    where, params, human = [], {}, []
    speakers = [v for v in request.args.getlist("_speaker") if v.strip().isdigit()]
    scope = speaker_scope(request.args)
    for i, sid in enumerate(speakers):
        where.append(f"claim_rowid in (select claim_rowid from claim_speakers where speaker_id = :speaker_{i}"
                     f"{link_conditions(scope[1] if scope else {}, 'claim_speakers', params)})")
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


def link_conditions(values: dict[str, str], alias: str, params: dict) -> str:
    """`` and ALIAS.column = :speaker_link_K`` for each exact value of :data:`LINK_COLUMNS`
    (the keys of ``values``, from :func:`speaker_scope`), its parameter put in ``params``.
    The speaker filter asks them of the speaker's links too (a rare stance then reads its
    few claims, not all of the speaker's), and the facets count those links."""
    clauses = []
    for k, (column, value) in enumerate(values.items()):
        clauses.append(f" and {alias}.{column} = :speaker_link_{k}")
        params[f"speaker_link_{k}"] = value
    return "".join(clauses)


def speaker_scope(args) -> tuple[int, dict[str, str]] | None:
    """``(speaker id, {column: value})`` when a claims page is filtered by one speaker
    and otherwise only by exact values of :data:`LINK_COLUMNS` (``stance=accuses``,
    ``outlet__exact=KONTAN``): its rows are exactly that speaker's links with those
    values, so its counts can be read from the speaker's links alone. Else None."""
    speakers, columns = args.getlist("_speaker"), {}
    if len(speakers) != 1 or not speakers[0].strip().isdigit():
        return None
    for key in args:
        values = args.getlist(key)
        column = key.removesuffix("__exact")
        if key == "_speaker" or key in NOT_FILTERS:
            continue
        if column not in LINK_COLUMNS or column in columns or len(values) != 1:
            return None
        columns[column] = values[0]
    return int(speakers[0]), columns
