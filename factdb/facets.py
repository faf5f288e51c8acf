"""Facets of the claims page that stay fast at a million claims.

- ``counted``: column facets (stance, outlet, language, verdict) that read the
  whole database's counts from ``claim_counts`` (kept by triggers) when the page
  has no filter, and count a filtered page's rows in one pass for all of them;
- ``speaker``: claims per speaker, from ``speaker_counts`` unfiltered, from
  ``speaker_pairs`` filtered by one speaker (and perhaps a stance), and from
  ``claim_speakers`` (one indexed row per claim and speaker) otherwise; each
  value toggles the ``_speaker=ID`` filter (see :mod:`factdb.filters`).

A page filtered by one speaker (and perhaps a stance, outlet, language or verdict:
:func:`factdb.filters.speaker_scope`) is counted from that speaker's links, which
carry copies of those columns: one index range, however busy the speaker.
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from .filters import CLAIMS_PAGE, LINK_COLUMNS, link_conditions, speaker_scope

COUNTED = LINK_COLUMNS  # the claims page's columns that claim_counts counts (and speaker links copy)
CLAIMS_PAGE_PATH = re.compile(rf"^/([^/]+)/{CLAIMS_PAGE}(\.json|\.csv)?$")


def counted_facet_args(query_string: str) -> str:
    """``_facet=outlet`` on the claims page asks for the ``counted`` facet of that
    column: Datasette's column facet would count a million rows of the view."""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    if not any(k == "_facet" and v in COUNTED for k, v in pairs):
        return query_string
    return urlencode([("_facet_counted" if k == "_facet" and v in COUNTED else k, v) for k, v in pairs])


UNFILTERED = re.compile(r"^\s*select .* from \S+\s*$", re.S | re.I)


FROM = re.compile(r"\s+from\s+(\[?\w+\]?|\"\w+\")", re.I)


def lean(sql: str, columns: str) -> str:
    """The page's query selecting only ``columns``: the view's other columns (some are
    subqueries, computed for every row a facet counts) are left out."""
    m = FROM.search(sql)
    return f"select {columns}{sql[m.start():]}" if m and sql.lower().startswith("select ") else sql


def unfiltered(sql: str, params) -> bool:
    """Whether the page's query has no where clause (the whole table)."""
    return not params and UNFILTERED.match(sql) is not None and " where " not in sql.lower()


def links_where(scope: tuple[int, dict[str, str]], alias: str = "claim_speakers") -> tuple[str, dict]:
    """The where clause selecting a speaker's links with the given column values."""
    speaker, values = scope
    params = {"speaker": speaker}
    return f"{alias}.speaker_id = :speaker{link_conditions(values, alias, params)}", params


class CountedFacet(Facet):
    """Claims per value of columns copied onto ``claims`` (stance, outlet, language,
    verdict): the whole database's counts from ``claim_counts``, a filtered page's
    in one pass over its rows, grouped by every faceted column at once."""

    type = "counted"

    async def suggest(self):
        return []

    def columns(self) -> list[tuple[str, str]]:
        """(column, source) of each faceted column, once each, in the order asked."""
        seen: dict[str, str] = {}
        for config in self.get_configs():
            column = config["config"].get("column") or config["config"]["simple"]
            seen.setdefault(column, config["source"])
        return list(seen.items())

    async def facet_results(self):
        columns = self.columns()
        if not columns:
            return [], []
        size = self.get_facet_size()
        scope = speaker_scope(self.request.args)
        try:
            if unfiltered(self.sql, self.params):
                counts = await self.whole_counts(columns, size)
            elif scope and all(c in COUNTED for c, _ in columns):
                counts = await self.filtered_counts(columns, *self.speaker_links(scope, columns))
            else:
                counts = await self.filtered_counts(columns)
        except QueryInterrupted:
            return [], [column for column, _ in columns]
        return [self.result(column, source, counts.get(column, []), size) for column, source in columns], []

    async def whole_counts(self, columns, size: int) -> dict[str, list[tuple]]:
        counts = {}
        for column, _ in columns:
            counts[column] = (await self.ds.execute(
                self.database, "select value, claims from claim_counts where facet = ? "
                "order by claims desc, value limit ?", [column, size + 1])).rows
        return counts

    @staticmethod
    def speaker_links(scope, columns) -> tuple[str, list]:
        """The rows to count, as links of the speaker in ``scope`` (same rows, same values)."""
        where, params = links_where(scope)
        quoted = ", ".join(escape_sqlite(c) for c, _ in columns)
        return f"select {quoted} from claim_speakers where {where}", params

    async def filtered_counts(self, columns, sql: str | None = None, params=None) -> dict[str, list[tuple]]:
        """Every column's counts from one query over the page's rows (or ``sql``), grouped
        by all the columns together: a few hundred combinations, not a pass per column."""
        names = [c for c, _ in columns]
        quoted = ", ".join(escape_sqlite(c) for c in names)
        rows = (await self.ds.execute(
            self.database, f"select {quoted}, count(*) from ({sql or lean(self.sql, quoted)}) group by {quoted}",
            self.params if sql is None else params, truncate=False,
            custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows
        counts = {c: Counter() for c in names}
        for row in rows:
            for i, c in enumerate(names):
                if row[i] is not None:
                    counts[c][row[i]] += row[-1]
        return {c: sorted(counter.items(), key=lambda vc: (-vc[1], str(vc[0]))) for c, counter in counts.items()}

    def result(self, column: str, source: str, rows, size: int) -> dict:
        qs_pairs = self.get_querystring_pairs()
        values = []
        for value, count in rows[:size]:
            selected = (column, str(value)) in qs_pairs
            path = (path_with_removed_args(self.request, {column: str(value)}) if selected
                    else path_with_added_args(self.request, {column: value}))
            values.append({"value": value, "label": value, "count": count, "selected": selected,
                           "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path))})
        return {"name": column, "type": "column", "hideable": source != "metadata",
                "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_counted": column})),
                "results": values, "truncated": len(rows) > size}


class SpeakerFacet(Facet):
    type = "speaker"

    async def suggest(self):
        return []

    def counting_query(self, size: int) -> tuple[str, object]:
        """The query that counts this page's claims per speaker, the cheapest that is
        exact: the whole database's from ``speaker_counts``; one speaker's, perhaps of
        one stance, from ``speaker_pairs``; one speaker's with other exact values from
        their links; any other page's from the links of its claims."""
        limit = f"limit {size + 1}"
        scope = speaker_scope(self.request.args)
        if unfiltered(self.sql, self.params):
            return ("select speaker_id, claims from speaker_counts where stance = '*' "
                    f"order by claims desc, speaker_id {limit}"), []
        if scope and set(scope[1]) <= {"stance"}:  # the speaker and those who share their claims, as counted
            stance = scope[1].get("stance")
            return (f"select other_id, sum(claims) from speaker_pairs where speaker_id = :speaker "
                    f"{'and stance = :stance ' if stance else ''}group by other_id union all "
                    f"select speaker_id, claims from speaker_counts where speaker_id = :speaker and stance = :all "
                    f"order by 2 desc, 1 {limit}"), {"speaker": scope[0], "stance": stance, "all": stance or "*"}
        if scope:  # the speakers who share the speaker's claims: their links, by the claims' rowids
            where, params = links_where(scope, "mine")
            return (f"select other.speaker_id, count(*) as n from claim_speakers mine join claim_speakers other "
                    f"on other.claim_rowid = mine.claim_rowid where {where} group by other.speaker_id "
                    f"order by n desc, other.speaker_id {limit}"), params
        return (f"select speaker_id, count(*) as n from claim_speakers where claim_rowid in "
                f"(select claim_rowid from ({lean(self.sql, 'claim_rowid')})) group by speaker_id "
                f"order by n desc, speaker_id {limit}"), self.params

    async def facet_results(self):
        configs = self.get_configs()
        if not configs:
            return [], []
        size = self.get_facet_size()
        sql, params = self.counting_query(size)
        try:
            rows = (await self.ds.execute(self.database, sql, params, truncate=False,
                                          custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows
        except QueryInterrupted:
            return [], ["speaker"]
        ids = [r[0] for r in rows[:size]]
        names = dict((await self.ds.execute(
            self.database, f"select id, name from speakers where id in ({', '.join('?' * len(ids))})", ids)).rows) \
            if ids else {}
        qs_pairs = self.get_querystring_pairs()
        values = []
        for sid, count in rows[:size]:
            selected = ("_speaker", str(sid)) in qs_pairs
            path = (path_with_removed_args(self.request, {"_speaker": str(sid)}) if selected
                    else path_with_added_args(self.request, {"_speaker": sid}))
            values.append({"value": sid, "label": names.get(sid, sid), "count": count, "selected": selected,
                           "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path))})
        source = configs[0]["source"]
        return [{"name": "speaker", "type": "column", "hideable": source != "metadata",
                 "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_speaker": "id"})),
                 "results": values, "truncated": len(rows) > size}], []
