"""factdb's Datasette plugin: loaded by Datasette through the ``datasette``
entry point whenever factdb is installed. It only wires hooks; the data of
the pages comes from :mod:`factdb.pages`, the templates from
``factdb/templates`` (``factdb serve`` passes them as ``--template-dir``)."""
from __future__ import annotations

from datasette import hookimpl
from datasette.utils import tilde_encode, urlsafe_components
from markupsafe import Markup

from .pages import FACTDB_TABLES, Pages, factdb_database, is_factdb
from .serve import STATIC_MOUNT


@hookimpl
def extra_template_vars(database, table, view_name, request, datasette):
    """``factdb_page`` on the row pages of claims, articles and speakers;
    ``factdb_home`` on the home page."""
    async def inner():
        if view_name == "row" and table in FACTDB_TABLES and await is_factdb(datasette, database):
            pks = urlsafe_components(request.url_vars["pks"])
            if len(pks) != 1:
                return {}
            queries = Pages(datasette, database)
            build = {"claims": queries.claim_page, "articles": queries.article_page,
                     "speakers": queries.speaker_page}[table]
            return {"factdb_page": await build(pks[0])}
        if view_name == "index":
            name = await factdb_database(datasette)
            if name:
                actor = request.actor if request else None
                return {"factdb_home": await Pages(datasette, name).home(actor)}
        return {}

    return inner


@hookimpl
def extra_css_urls(datasette):
    """factdb's stylesheet, when its static directory is mounted (``factdb serve`` does)."""
    if any(path == STATIC_MOUNT for path, _ in datasette.static_mounts):
        return [datasette.urls.path(f"/{STATIC_MOUNT}/factdb.css")]
    return []


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """In the claims view, the claim id, article id and article title link to their pages."""
    if table != "claims_view" or value is None:
        return None
    if column == "id":
        target, pk = "claims", value
    elif column in ("article_id", "article") and "article_id" in row.keys() and row["article_id"] is not None:
        target, pk = "articles", row["article_id"]
    else:
        return None
    url = datasette.urls.row(database, target, tilde_encode(str(pk)))
    return Markup('<a href="{}">{}</a>').format(url, value)
