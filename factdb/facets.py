"""Facets of the claims page that stay fast at a million claims.

- ``counted``: a column facet (stance, outlet, language) that reads the whole
  database's counts from ``claim_counts`` (kept by triggers) when the page has
  no filter, and counts the filtered rows otherwise;
- ``speaker``: claims per speaker, from ``speaker_counts`` unfiltered and from
  ``claim_speakers`` (one indexed row per claim and speaker) filtered; each
  value toggles the ``_speaker=ID`` filter (see :mod:`factdb.filters`).
"""
from __future__ import annotations

import re

from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet, Facet
from datasette.utils import path_with_added_args, path_with_removed_args

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


class CountedFacet(ColumnFacet):
    type = "counted"

    async def suggest(self):
        return []

    async def facet_results(self):
        if not unfiltered(self.sql, self.params):
            full = self.sql
            columns = ", ".join(sorted({"id"} | {c["config"].get("column") or c["config"]["simple"]
                                                 for c in self.get_configs()}))
            self.sql = lean(full, columns)
            try:
                results, timed_out = await super().facet_results()
            finally:
                self.sql = full
            for r in results:
                r["type"] = "column"
            return results, timed_out
        results = []
        size = self.get_facet_size()
        qs_pairs = self.get_querystring_pairs()
        for source_and_config in self.get_configs():
            column = source_and_config["config"].get("column") or source_and_config["config"]["simple"]
            rows = (await self.ds.execute(
                self.database, "select value, claims from claim_counts where facet = ? "
                "order by claims desc, value limit ?", [column, size + 1])).rows
            values = []
            for value, count in rows[:size]:
                selected = (column, str(value)) in qs_pairs
                path = (path_with_removed_args(self.request, {column: str(value)}) if selected
                        else path_with_added_args(self.request, {column: value}))
                values.append({"value": value, "label": value, "count": count, "selected": selected,
                               "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path))})
            results.append({"name": column, "type": "column", "hideable": source_and_config["source"] != "metadata",
                            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet_counted": column})),
                            "results": values, "truncated": len(rows) > size})
        return results, []


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
