"""factdb's Datasette plugin: loaded by Datasette through the ``datasette``
entry point whenever factdb is installed. It only wires hooks; the data of
the pages comes from :mod:`factdb.pages`, the templates from
``factdb/templates`` (``factdb serve`` passes them as ``--template-dir``)."""
from __future__ import annotations

import json
import re
import sqlite3
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.utils import tilde_encode, urlsafe_components
from markupsafe import Markup

from .facets import CLAIMS_PAGE_PATH, CountedFacet, SpeakerFacet, counted_facet_args
from .filters import CLAIMS_PAGE, claim_filters
from .pages import FACTDB_TABLES, Pages, factdb_database, is_factdb
from .search import fts_query
from .serve import STATIC_MOUNT
from .table_counts import keep_table_counts


@hookimpl
def startup(datasette):
    """The table counts of factdb databases kept while nothing is written (see
    :mod:`factdb.table_counts`): the database page at a million claims."""
    async def inner():
        for name, db in datasette.databases.items():
            if db.is_mutable and db.path and await is_factdb(datasette, name):
                keep_table_counts(db)
    return inner


@hookimpl
def register_facet_classes():
    return [CountedFacet, SpeakerFacet]


@hookimpl
def asgi_wrapper(datasette):
    """Requests of the claims page of a factdb database ask for factdb's fast facets
    where Datasette's own would count every row (see :func:`counted_facet_args`)."""
    def wrap(app):
        async def claims_page_facets(scope, receive, send):
            match = scope.get("type") == "http" and CLAIMS_PAGE_PATH.match(scope.get("path", ""))
            if match:  # (the database is looked at only when a facet is asked for by URL)
                query = scope.get("query_string", b"").decode("latin-1")
                rewritten = counted_facet_args(query)
                if rewritten != query and await is_factdb(datasette, match.group(1)):
                    scope = {**scope, "query_string": rewritten.encode("latin-1")}
            await app(scope, receive, send)
        return claims_page_facets
    return wrap


@hookimpl(trylast=True)  # after Datasette's own search filter, so the claims page says it searches
def filters_from_request(request, database, table, datasette):
    async def inner():
        if await is_factdb(datasette, database):
            return await claim_filters(request, database, table, datasette)
        return None
    return inner


MAX_VALUE_BYTES = 50_000_000  # the largest string or blob a query may build
MAX_RESULT_BYTES = 50_000_000  # the text and blobs one query may hand to Python, all rows together
HEAP_LIMIT_BYTES = 1 << 30  # all the memory SQLite may allocate in the server, every connection together
SOFT_HEAP_BYTES = 512 << 20  # above this, SQLite's page caches reuse pages rather than grow
CACHE_KIB = 64 * 1024  # each connection's page cache
MMAP_BYTES = 1 << 30  # the database is read through a memory map


def bounded_rows(limit: int = MAX_RESULT_BYTES):
    """A row factory that makes ``sqlite3.Row``s, and stops a query (with
    ``sqlite3.OperationalError``, which Datasette shows as the query's error)
    once the text and blobs of the rows it fetched pass ``limit`` bytes, so a
    query of many large values (``select zeroblob(4e7) from`` a thousand rows)
    fails before it fills the server's memory. It counts per cursor, and
    Datasette opens one cursor a query."""
    import weakref

    current = [lambda: None, 0]  # the cursor counted (a weak reference) and its total

    def row_factory(cursor, values):
        size = 0
        for value in values:
            if value.__class__ is str or value.__class__ is bytes:
                size += len(value)
        if size:
            if current[0]() is not cursor:
                current[0], current[1] = weakref.ref(cursor), 0
            current[1] += size
            if current[1] > limit:
                current[1] = 0
                raise sqlite3.OperationalError(
                    f"query result too large: its text and blobs pass {limit // 1_000_000} MB")
        return sqlite3.Row(cursor, values)

    return row_factory


@hookimpl(trylast=True)  # after Datasette's own functions: factdb's escape_fts replaces theirs
def prepare_connection(conn):
    """``factdb_fts(text)``: what was typed as a full-text query that cannot fail; and
    Datasette's ``escape_fts``, which every table's search box uses, made the same.
    Bounds on what one query may take (Datasette bounds its time)."""
    conn.create_function("factdb_fts", 1, fts_query, deterministic=True)
    conn.create_function("escape_fts", 1, fts_query, deterministic=True)
    # no value a query makes may be larger than this (zeroblob(3e9) fails at once)
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    # SQLite's memory, process-wide: past the hard limit an allocation fails (the query
    # fails with "out of memory"); the pragma can only lower it
    conn.execute(f"PRAGMA hard_heap_limit = {HEAP_LIMIT_BYTES}")
    conn.execute(f"PRAGMA soft_heap_limit = {SOFT_HEAP_BYTES}")
    conn.row_factory = bounded_rows()
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")


@hookimpl(tryfirst=True)
def handle_exception(datasette, request, exception):
    """A query past SQLite's heap limit (Python's ``MemoryError``) is the query's
    fault, not the server's: a 400 page that says so, like a query past the time limit."""
    if not isinstance(exception, MemoryError):
        return None
    from datasette.handle_exception import handle_exception as datasette_error_page
    from datasette.views.base import DatasetteError

    return datasette_error_page(datasette, request, DatasetteError(
        f"This query needs more memory than the server allows ({HEAP_LIMIT_BYTES >> 20} MB for all queries).",
        title="Query needs too much memory", status=400))


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    """``factdb_page`` on the row pages of claims, articles and speakers;
    ``factdb_home`` on the home page."""
    async def inner():
        if view_name == "table" and table == CLAIMS_PAGE and request.args.get("_view") != "table" \
                and await is_factdb(datasette, database):
            return {"factdb_claims_page": await claims_page_context(datasette, database, request)}
        if view_name == "row" and table in FACTDB_TABLES and await is_factdb(datasette, database):
            pks = urlsafe_components(request.url_vars["pks"])
            if len(pks) != 1:
                return {}
            queries = Pages(datasette, database)
            build = {"claims": queries.claim_page, "articles": queries.article_page,
                     "speakers": queries.speaker_page, "claim_groups": queries.group_page}[table]
            return {"factdb_page": await build(pks[0])}
        if view_name == "index":
            name = await factdb_database(datasette)
            if name:
                actor = request.actor if request else None
                return {"factdb_home": await Pages(datasette, name).home(actor)}
        return {}

    return inner


async def claims_page_context(datasette, database, request) -> dict:
    """What the card layout of the claims page needs beyond Datasette's context."""
    stances = {r["id"]: dict(r) for r in (await datasette.get_database(database).execute(
        "select id, label, description from stances")).rows}
    path = datasette.urls.table(database, CLAIMS_PAGE)
    args = [(k, v) for k, v in parse_qsl(request.query_string, keep_blank_values=True) if k != "_next"]
    kept = [(k, v) for k, v in args if k != "_search"]
    filtering = [(k, v) for k, v in args if not k.startswith("_") or k in ("_speaker", "_search")]

    def with_sort(key: str, column: str) -> str:
        rest = [(k, v) for k, v in args if k not in ("_sort", "_sort_desc")]
        return f"{path}?{urlencode(rest + [(key, column)])}"

    current = request.args.get("_sort_desc") and "desc" or request.args.get("_sort") and "asc" or "desc"
    facets = ["stance", "speaker", "verdict", "outlet", "language"]
    facets += ["speaker" if k == "_facet_speaker" else v
               for k, v in args if k.startswith("_facet") and k != "_facet_size"]
    return {
        "facet_order": list(dict.fromkeys(facets)),
        "stances": stances,
        "kept_args": kept,
        "sorts": [("newest first", with_sort("_sort_desc", "published"), current == "desc"),
                  ("oldest first", with_sort("_sort", "published"), current == "asc")],
        "remove_filters_url": path if filtering else None,
        "table_url": f"{path}?{urlencode(args + [('_view', 'table')])}",
    }


@hookimpl
def register_routes():
    return [(r"^/-/search$", search_page)]


async def search_page(datasette, request):
    """One search over the claims, speakers and articles of the factdb database."""
    from datasette.utils.asgi import Response

    name = await factdb_database(datasette)
    text = request.args.get("q", "").strip()
    results = await Pages(datasette, name).search(text) if name and text else None
    return Response.html(await datasette.render_template(
        "factdb_search.html", {"text": text, "results": results, "database": name}, request=request))


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["factdb_json"] = lambda value: json.loads(value) if isinstance(value, str) else value


@hookimpl
def extra_css_urls(datasette):
    """factdb's stylesheet, when its static directory is mounted (``factdb serve`` does)."""
    if any(path == STATIC_MOUNT for path, _ in datasette.static_mounts):
        return [datasette.urls.path(f"/{STATIC_MOUNT}/factdb.css")]
    return []


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """Claim ids, article titles and ids, and speakers link to their pages: in the
    claims view and in the results of queries (canned or not); a JSON list of
    speakers (``[{"id": .., "name": ..}]``) shows as their linked names."""
    if value is None or table not in (None, "claims_view"):
        return None
    speakers = speaker_list(value)
    if speakers is not None:
        return Markup(" + ").join(
            Markup('<a class="speaker-link" href="{}">{}</a>').format(
                datasette.urls.row(database, "speakers", tilde_encode(str(s["id"]))), s["name"]) for s in speakers)
    keys = row.keys()
    if column == "article" and "article_id" in keys and row["article_id"] is not None:
        target, pk = "articles", row["article_id"]
    elif column == "article_id":
        target, pk = "articles", value
    elif column in ("id", "claim_id") or column.endswith("_claim_id") or (
            table is None and column.endswith("_id") and isinstance(value, str) and CLAIM_ID.match(value)):
        target, pk = "claims", value
    elif column == "speaker_id":
        target, pk = "speakers", value
    else:
        return None
    url = datasette.urls.row(database, target, tilde_encode(str(pk)))
    return Markup('<a href="{}">{}</a>').format(url, value)


CLAIM_ID = re.compile(r"^[cm][0-9a-f]{12}$")


def speaker_list(value):
    """The speakers of a JSON list of ``{"id", "name"}`` objects, or None."""
    if not isinstance(value, str) or not value.startswith('[{"id":'):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    if all(isinstance(i, dict) and {"id", "name"} <= set(i) for i in items):
        return items
    return None
