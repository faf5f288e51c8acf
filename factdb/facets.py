"""Facets of the claims page that stay fast at a million claims.

- ``counted``: column facets (stance, outlet, language, verdict) that read the
  whole database's counts from ``claim_counts`` (kept by triggers) when the page
  has no filter, and count a filtered page's rows in one pass for all of them;
- ``speaker``: claims per speaker, from ``speaker_counts`` unfiltered and from
  ``claim_speakers`` (one indexed row per claim and speaker) filtered; each
  value toggles the ``_speaker=ID`` filter (see :mod:`factdb.filters`).
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from .filters import CLAIMS_PAGE

COUNTED = ("stance", "outlet", "language", "verdict")  # the claims page's columns that claim_counts counts
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
        try:
            counts = await (self.whole_counts(columns, size) if unfiltered(self.sql, self.params)
                            else self.filtered_counts(columns))
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

    async def filtered_counts(self, columns) -> dict[str, list[tuple]]:
        """Every column's counts from one query over the page's rows (grouped by all
        the columns together: a few hundred combinations, not a pass per column)."""
        names = [c for c, _ in columns]
        quoted = ", ".join(escape_sqlite(c) for c in names)
        rows = (await self.ds.execute(
            self.database, f"select {quoted}, count(*) from ({lean(self.sql, quoted)}) group by {quoted}",
            self.params, truncate=False, custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows
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

    async def facet_results(self):
        configs = self.get_configs()
        if not configs:
            return [], []
        size = self.get_facet_size()
        if unfiltered(self.sql, self.params):
            sql = "select speaker_id, claims from speaker_counts where stance = '*' order by claims desc, speaker_id limit ?"
            params = [size + 1]
        else:
            sql = (f"select speaker_id, count(*) as n from claim_speakers where claim_id in "
                   f"(select id from ({lean(self.sql, 'id')})) group by speaker_id order by n desc, speaker_id "
                   f"limit {size + 1}")
            params = self.params
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
